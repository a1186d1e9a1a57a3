/**
 * The tasks a tab's renderer ran, from a Chromium trace: the one record of them that sees
 * every task. In this Chromium a page's long task observer reported none of a content
 * script's rescans, even one of 113 ms; see docs/annotation-bench.md, "A page that keeps
 * growing".
 */
import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { frames?: { url?: string; processId?: number }[] } };
}

/**
 * One task of the renderer's main thread. Its kind: `frame` when the browser rendered a
 * frame in it (its events include a commit, layout or paint), `gc` when most of it was
 * garbage collection, `script` otherwise (Backstory's work, or the page's).
 */
export interface Task {
  ms: number;
  kind: 'frame' | 'gc' | 'script';
}

/** A trace being recorded; `stop` ends it and gives the main-thread tasks of the tab's renderer. */
export interface TaskTrace {
  stop(): Promise<Task[]>;
}

/**
 * DevTools' own event for a task. (The scheduler's `ThreadControllerImpl::RunTask` misses
 * some: a content script's continuation after a message came as a `RunTask` alone.)
 */
const TASK = 'RunTask';
/** Events that only a frame's rendering has (a script can force a layout, not these). */
const RENDERING = new Set(['Commit', 'UpdateLayer', 'Layerize', 'Paint', 'PrePaint']);

/** Garbage collections, by their top-level events. */
const COLLECTING = new Set(['MajorGC', 'MinorGC']);

/** The tasks of one thread, with their kinds from the events that fall inside them. */
function tasksOf(events: TraceEvent[]): Task[] {
  const tasks = events.filter((e) => e.name === TASK).sort((a, b) => a.ts - b.ts);
  const rendering = new Set<TraceEvent>();
  const collecting = new Map<TraceEvent, number>();
  for (const event of events) {
    const frame = RENDERING.has(event.name);
    if (!frame && !COLLECTING.has(event.name)) continue;
    // The last task that starts at or before the event; tasks of one thread do not overlap.
    let lo = 0;
    let hi = tasks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((tasks[mid] as TraceEvent).ts <= event.ts) lo = mid;
      else hi = mid - 1;
    }
    const task = tasks[lo];
    if (!task || task.ts > event.ts || event.ts >= task.ts + (task.dur ?? 0)) continue;
    if (frame) rendering.add(task);
    else collecting.set(task, (collecting.get(task) ?? 0) + (event.dur ?? 0));
  }
  return tasks.map((t) => {
    const dur = t.dur ?? 0;
    const kind = rendering.has(t) ? 'frame' : (collecting.get(t) ?? 0) > dur / 2 ? 'gc' : 'script';
    return { ms: dur / 1000, kind };
  });
}

/** Starts tracing the tab's tasks; `pageUrl` picks the renderer: the one whose frame has that address. */
export async function traceTasks(cdp: CDPSession, pageUrl: string): Promise<TaskTrace> {
  const events: TraceEvent[] = [];
  const collect = (batch: { value: object[] }) => {
    for (const event of batch.value) events.push(event as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8',
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      const frames = events.flatMap((e) =>
        e.name === 'TracingStartedInBrowser' ? (e.args?.data?.frames ?? []) : [],
      );
      const pid = frames.find((f) => f.url === pageUrl)?.processId;
      if (pid === undefined) throw new Error(`the trace names no renderer for ${pageUrl}`);
      const main = events.find(
        (e) => e.pid === pid && e.ph === 'M' && e.args?.name === 'CrRendererMain',
      )?.tid;
      if (main === undefined) throw new Error(`the trace names no main thread for ${pageUrl}'s renderer`);
      return tasksOf(events.filter((e) => e.pid === pid && e.tid === main));
    },
  };
}
