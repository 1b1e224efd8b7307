// Configuration of the custom-elements-manifest analyzer (run by scripts/manifest.mjs).
// Our elements are registered through `defineElement('lp-x', LpX)` in their define modules, so a
// small plugin reads those calls to give each class its tag name.

/** Reads `defineElement('lp-x', LpX)` calls: class name → tag name. */
function defineElementPlugin() {
  const tags = new Map();
  return {
    name: 'liveplus-define-element',
    analyzePhase({ ts, node }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (tag && element && ts.isStringLiteral(tag) && ts.isIdentifier(element)) tags.set(element.text, tag.text);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (declaration.kind !== 'class' || !tag) continue;
          declaration.tagName = tag;
          declaration.customElement = true;
          module.exports = [
            ...(module.exports ?? []),
            { kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: module.path } },
          ];
        }
      }
    },
  };
}

export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/*/src/**/*.d.ts', 'packages/core/**', 'packages/server/**', 'packages/adapter-http/**'],
  litelement: true,
  plugins: [defineElementPlugin()],
};
