// Import rules for src/, checked by `npm run deps` (part of `npm test`). docs/architecture.md explains them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A module that imports itself through others cannot be understood, tested or loaded on its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'front-door-only',
      severity: 'error',
      comment: "Another folder is used through its index.ts only; its other files are its own business.",
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/([^/]+)/.+', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/web/'] },
    },
    {
      name: 'store-knows-no-pipeline',
      severity: 'error',
      comment: 'The store keeps conversation state as data; what it means is the pipeline\'s business.',
      from: { path: '^src/store/' },
      to: { path: '^src/(pipeline|conversations|knowledge|nlu)/' },
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
