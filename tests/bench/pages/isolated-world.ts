import type { Page } from '@playwright/test';

/** A fresh isolated world in a tab's main frame: where a content script runs. */
export interface IsolatedWorld {
  /** Evaluates `expression` in the world and returns its value; throws what the page threw. */
  evaluate(expression: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Makes an isolated world over CDP (`Page.createIsolatedWorld`) in the tab's current document. */
export async function openIsolatedWorld(tab: Page, worldName: string): Promise<IsolatedWorld> {
  const cdp = await tab.context().newCDPSession(tab);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName,
  });
  return {
    async evaluate(expression) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: executionContextId,
        returnByValue: true,
      });
      if (exceptionDetails)
        throw new Error(`${worldName}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    },
    close: () => cdp.detach(),
  };
}
