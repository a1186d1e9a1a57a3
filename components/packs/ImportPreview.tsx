import { useState } from 'preact/hooks';
import type { ImportChoice, ImportPlan } from '@/lib/db/pack-import';
import type { Pack } from '@/lib/pack/types';
import { cardCount } from './card-count';

/** Props of the import preview. */
export interface ImportPreviewProps {
  file: string;
  pack: Pack;
  plan: ImportPlan;
  headingId: string;
  onConfirm(choice: ImportChoice): void;
  onCancel(): void;
}

/** What importing the chosen pack would do, and the reader's go-ahead. Nothing is written yet. */
export function ImportPreview({ file, pack, plan, headingId, onConfirm, onCancel }: ImportPreviewProps) {
  const [replaceYours, setReplaceYours] = useState(false);
  const [replaceBuiltIn, setReplaceBuiltIn] = useState(false);
  const writes =
    plan.added.length +
    plan.restored.length +
    plan.updated.length +
    (replaceYours ? plan.yours.length : 0) +
    (replaceBuiltIn ? plan.builtIn.length : 0);
  const titles = new Map(pack.cards.map((card) => [card.id, card.title]));
  const named = (ids: readonly string[]) =>
    `${ids
      .slice(0, 3)
      .map((id) => `“${titles.get(id)}”`)
      .join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}`;
  const lines = [
    [plan.added.length, 'new'],
    [plan.updated.length, 'updated from the pack'],
    [plan.restored.length, 'you deleted, brought back'],
    [plan.unchanged.length, 'already the same, left as they are'],
  ] as const;
  return (
    <div class="import-preview">
      <h4 id={headingId} class="pack-form__heading" tabIndex={-1} data-takes-focus>
        Import “<span dir="auto">{pack.pack.title}</span>”?
      </h4>
      <p class="pack-form__detail">
        {file}, version <span dir="auto">{pack.pack.version}</span>: {cardCount(pack.cards.length)}.
      </p>
      {plan.seedClash && (
        <p class="pack-form__detail">
          Its id is that of a pack Backstory comes with, so its cards are kept apart from it (as “
          {plan.packId}”): Backstory’s updates to its own pack leave them alone.
        </p>
      )}
      <ul class="import-preview__effects">
        {lines.map(([n, what]) => n > 0 && <li key={what}>{`${cardCount(n)} ${what}`}</li>)}
      </ul>
      {plan.yours.length > 0 && (
        <ReplaceChoice
          legend={`${cardCount(plan.yours.length)} you wrote or edited also in the pack: ${named(plan.yours)}`}
          label="Replace them with the pack’s version (otherwise yours are kept)"
          checked={replaceYours}
          onChange={setReplaceYours}
        />
      )}
      {plan.builtIn.length > 0 && (
        <ReplaceChoice
          legend={`${cardCount(plan.builtIn.length)} that came with Backstory, which the pack says otherwise: ${named(plan.builtIn)}`}
          label="Replace them with the pack’s version (they then no longer get Backstory’s updates)"
          checked={replaceBuiltIn}
          onChange={setReplaceBuiltIn}
        />
      )}
      <div class="pack-form__actions">
        {writes > 0 ? (
          <button type="button" class="button" onClick={() => onConfirm({ replaceYours, replaceBuiltIn })}>
            Import {cardCount(writes)}
          </button>
        ) : (
          <p class="pack-form__detail">
            {plan.yours.length + plan.builtIn.length > 0
              ? 'Nothing to import unless you replace cards with the pack’s version.'
              : 'Nothing to import: your cards already say all this.'}
          </p>
        )}
        <button type="button" class="button button--quiet" onClick={onCancel}>
          {writes > 0 ? 'Cancel' : 'Close'}
        </button>
      </div>
    </div>
  );
}

/** Cards the pack would change that are kept unless the reader ticks the box. */
function ReplaceChoice(props: {
  legend: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <fieldset class="import-preview__yours">
      <legend>{props.legend}</legend>
      <label class="choice__option">
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(event) => props.onChange(event.currentTarget.checked)}
        />
        {props.label}
      </label>
    </fieldset>
  );
}
