// Configuration of the custom-elements-manifest analyzer (run by scripts/manifest.mjs).
// Our elements are registered through `defineElement('lp-x', LpX)` in their define modules, so a
// small plugin reads those calls to give each class its tag name. Most elements document
// themselves in the module's opening JSDoc (with `@element`) rather than on the class; the plugin
// reads that block too (description, @attr, @fires, @slot, @csspart, @cssprop).

/** Splits a JSDoc block into its description and its `@tag text` entries. */
function parseJsDoc(text) {
  const lines = text
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''));
  const description = [];
  const tags = [];
  for (const line of lines) {
    const tag = /^@(\w+)\s*(.*)$/.exec(line.trim());
    if (tag) tags.push({ tag: tag[1], text: tag[2] });
    else if (tags.length > 0) tags.at(-1).text += ` ${line.trim()}`;
    else description.push(line);
  }
  return { description: description.join('\n').trim(), tags };
}

/** `{type} name - text` → { name, type, description }. */
function parseTagText(text) {
  const match = /^(?:\{([^}]*)\}\s*)?(\S+)(?:\s+-\s+|\s+)?(.*)$/.exec(text.trim());
  if (!match) return null;
  return { type: match[1], name: match[2], description: match[3].trim() };
}

function applyModuleDoc(declaration, doc) {
  if (!declaration.description) declaration.description = doc.description;
  const add = (key, entry) => {
    declaration[key] = declaration[key] ?? [];
    if (!declaration[key].some((e) => e.name === entry.name)) declaration[key].push(entry);
  };
  for (const { tag, text } of doc.tags) {
    const parsed = parseTagText(text);
    if (!parsed) continue;
    const entry = { name: parsed.name, ...(parsed.description ? { description: parsed.description } : {}) };
    if (tag === 'fires' || tag === 'event') add('events', entry);
    else if (tag === 'csspart') add('cssParts', entry);
    else if (tag === 'cssprop' || tag === 'cssproperty') add('cssProperties', entry);
    else if (tag === 'slot') add('slots', { ...entry, name: parsed.name === '-' ? '' : parsed.name });
    else if (tag === 'attr' || tag === 'attribute') {
      const existing = declaration.attributes?.find((a) => a.name === parsed.name);
      if (existing) existing.description ??= parsed.description;
      else add('attributes', { ...entry, ...(parsed.type ? { type: { text: parsed.type } } : {}) });
    }
  }
}

/** Reads `defineElement('lp-x', LpX)` calls: class name → tag name. */
function defineElementPlugin() {
  const tags = new Map();
  /** Module path → the opening JSDoc of a module that documents an element. */
  const moduleDocs = new Map();
  return {
    name: 'liveplus-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isSourceFile(node)) {
        const first = node.statements[0];
        const jsDoc = first?.jsDoc?.[0] ?? first?.getFullText().match(/^\s*(\/\*\*[\s\S]*?\*\/)/)?.[1];
        const text = typeof jsDoc === 'string' ? jsDoc : jsDoc?.getText();
        if (text?.includes('@element')) moduleDocs.set(moduleDoc.path, parseJsDoc(text));
        return;
      }
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
          const doc = moduleDocs.get(module.path);
          if (doc) applyModuleDoc(declaration, doc);
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
