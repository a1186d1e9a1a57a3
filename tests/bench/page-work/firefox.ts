import { launchFirefox } from '../../support/firefox';
import type { TermCard } from '../../support/load-cards';
import type { StaticServer } from '../../support/static-server';
import { FirefoxRunner } from '../pages/firefox-runner';
import { ms } from '../pages/format';
import { medianTimes, type PageRow, total } from './rows';
import { doPageWork, type WorkRounds, type WorkTimes } from './work';

/**
 * The page work of bench:page-work in Firefox (`--firefox`): the Firefox build with the
 * dictionary in one browser, no extension in another, each page visited `repeat` times in
 * each. Firefox has no DevTools protocol here, so the ticking clock, which reads CDP's
 * script time, is left to Chromium.
 */
export async function firefoxPageRows(
  firefox: string,
  server: StaticServer,
  pages: readonly { name: string }[],
  cards: TermCard[],
  rounds: WorkRounds,
  repeat: number,
  onVisit: () => void,
): Promise<PageRow[]> {
  const runner = await FirefoxRunner.open(firefox);
  const plain = await launchFirefox(firefox);
  try {
    await runner.loadDictionary(cards);
    await runner.warmUp(server);
    const bare = await plain.newPage();
    const rows: PageRow[] = [];
    for (const { name } of pages) {
      const withRuns: WorkTimes[] = [];
      const withoutRuns: WorkTimes[] = [];
      let mentions = 0;
      for (let round = 0; round < repeat; round++) {
        mentions = await runner.visit(server.url(`/${name}/`));
        withRuns.push(await runner.tab.evaluate(doPageWork, rounds));
        await bare.goto(server.url(`/${name}/`), { waitUntil: 'load' });
        withoutRuns.push(await bare.evaluate(doPageWork, rounds));
        onVisit();
      }
      const row = { name, mentions, with: medianTimes(withRuns), without: medianTimes(withoutRuns) };
      rows.push(row);
      process.stderr.write(
        `${name} (Firefox): ${mentions} mentions, page work ${ms(total(row.with))} ms with Backstory, ${ms(total(row.without))} ms without\n`,
      );
    }
    return rows;
  } finally {
    await runner.close();
    await plain.close();
  }
}
