import { render } from 'preact';
import { fitPopupToWindow } from '@/components/manager/fit-popup';
import { BackstoryDB } from '@/lib/db/schema';
import { App } from './App';

// `npm run bench:popup` reads this: how much of the first render is the browser starting
// the page (navigation, loading this script) rather than the manager's own work.
performance.mark('backstory:script-start');

const app = document.getElementById('app');
if (app) {
  const inTab = new URL(location.href).searchParams.get('view') === 'tab';
  document.documentElement.classList.add(inTab ? 'view-tab' : 'view-popup');
  // The page lives as long as the popup: nothing to stop.
  if (!inTab) fitPopupToWindow(window, new AbortController().signal);
  render(<App db={new BackstoryDB()} href={location.href} />, app);
}
