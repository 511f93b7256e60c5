// The agents' console (GET /console): Preact components over one store, fed by the /agent socket. Every text from
// shoppers, agents and templates is rendered as text.
import { html, render } from 'htm/preact';
import { App } from './app.js';
import { resume } from './session.js';
render(html`<${App} />`, document.body);
resume();
