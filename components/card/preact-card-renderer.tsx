import { render } from 'preact';
import type { CardRenderer } from '@/lib/content/card/card-renderer';
import { CardView } from './CardView';
import { CARD_CSS } from './card-style';

/** The Preact card, for `startCardFeature`: the entrypoint passes it in. */
export const cardRenderer: CardRenderer = {
  css: CARD_CSS,
  render: (model, target) => render(model && <CardView {...model} />, target),
};
