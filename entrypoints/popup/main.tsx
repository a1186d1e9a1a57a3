import { render } from 'preact';
import { BackstoryDB } from '@/lib/db/schema';
import { App } from './App';

// `npm run bench:popup` reads this: how much of the first render is the browser starting
// the page (navigation, loading this script) rather than the manager's own work.
performance.mark('backstory:script-start');

const app = document.getElementById('app');
if (app) {
  document.documentElement.classList.add(
    new URL(location.href).searchParams.get('view') === 'tab' ? 'view-tab' : 'view-popup',
  );
  render(<App db={new BackstoryDB()} href={location.href} />, app);
}
