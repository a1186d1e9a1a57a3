import { render } from 'preact';
import { BackstoryDB } from '@/lib/db/schema';
import { App } from './App';

const app = document.getElementById('app');
if (app) render(<App db={new BackstoryDB()} />, app);
