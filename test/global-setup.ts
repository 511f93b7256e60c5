// Bundles the widget before the tests, so browser tests always run the current source.
import { buildWeb } from '../scripts/build-web.js';

export default async function setup(): Promise<void> {
  await buildWeb();
}
