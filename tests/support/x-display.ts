import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

// Keys the browser itself handles (an extension's commands) never reach it from the DevTools
// protocol or WebDriver BiDi: those deliver input to the page. A key pressed on an X display
// goes through the browser's own keyboard handling, as a reader's key does. This runs a
// private X server (Xvfb) and presses keys on it with xdotool.

/** Why the X tools cannot be used here, or undefined when they can. */
export function missingXTools(): string | undefined {
  const missing = ['Xvfb', 'xdotool'].filter((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return undefined;
  return `needs ${missing.join(' and ')} (Debian: sudo apt-get install xvfb xdotool)`;
}

/** A private X server. */
export interface XDisplay {
  /** The value for DISPLAY, such as ":3". */
  display: string;
  /** Runs xdotool on this display and returns what it printed; throws after 10 s. */
  xdotool(...args: string[]): string;
  close(): Promise<void>;
}

/** Starts Xvfb on the first free display number (it prints the number it took). */
export async function startXDisplay(): Promise<XDisplay> {
  const server: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const number = await new Promise<string>((ok, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      server.kill();
      fail(new Error(`Xvfb did not start within 10 s: ${err}`));
    }, 10_000);
    server.stderr?.on('data', (chunk) => {
      err += chunk;
    });
    server.stdout?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        clearTimeout(timer);
        ok(out.trim());
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Xvfb stopped (${code}): ${err}`));
    });
  });
  const display = `:${number}`;
  return {
    display,
    xdotool: (...args) =>
      // A bounded wait: a blocked test process could not even time out (`search --sync`
      // waits for ever for a window that never shows).
      execFileSync('xdotool', args, {
        env: { ...process.env, DISPLAY: display },
        encoding: 'utf8',
        timeout: 10_000,
      }),
    close: () =>
      new Promise((done) => {
        if (server.exitCode !== null) return done();
        server.once('exit', () => done());
        server.kill();
      }),
  };
}
