// Import rules for src/, checked by `npm run deps` (part of `npm test`). docs/architecture.md explains them.
const folder = '^src/([^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'A module that reaches itself through others cannot be read, tested or loaded on its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'front-door-only',
      severity: 'error',
      comment: 'Another folder is used through its index.ts only; its other files are its own business.',
      from: { path: folder },
      to: { path: '^src/[^/]+/.+', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'root-through-front-doors',
      severity: 'error',
      comment: 'app.ts, server.ts and config.ts use folders through their index.ts, like every folder does.',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/[^/]+/.+', pathNot: '^src/[^/]+/index\\.ts$' },
    },
    {
      name: 'store-knows-no-pipeline',
      severity: 'error',
      comment: "The store keeps conversation state as data; what it means is the pipeline's business.",
      from: { path: '^src/store/' },
      to: { path: '^src/(pipeline|conversations|knowledge|nlu)/' },
    },
    {
      name: 'below-knowledge-and-pipeline',
      severity: 'error',
      comment:
        'content/ (the Snapshot and the content files\' shapes), language/ and shipping/ are what knowledge/ builds the ' +
        'Snapshot with and the pipeline reads it with: they import neither, so both can import them.',
      from: { path: '^src/(content|language|shipping)/' },
      to: { path: '^src/(knowledge|pipeline)/' },
    },
    {
      name: 'pipeline-is-pure',
      severity: 'error',
      comment:
        'The pipeline decides and never does, and neither do the folders below it that it shares with knowledge/: ' +
        'no store, sockets, HTTP, order systems or files.',
      from: { path: '^src/(pipeline|content|language|shipping)/' },
      to: { path: ['^src/(store|realtime|http|conversations|attachments|handoff|care|scheduler|privacy)/', '^node:fs'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/web/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
