// Runs in every browser test page before the test file (web-test-runner.config.mjs,
// testRunnerHtml). A failing chai assertion on a DOM node (`expect($(el, '.x')).to.equal(null)`)
// used to hang the whole test page: the runner serializes the error's `actual` and `expected`
// for its report, and a node drags the whole document and window along. Nodes are described as
// a short tag string instead, so such a failure reports like any other.
import { use } from '@esm-bundle/chai';

const describeNode = (value: unknown): unknown => {
  if (!(value instanceof Node)) return value;
  if (!(value instanceof Element)) return `#${value.nodeName}`;
  const classes = value.getAttribute('class');
  return `<${value.localName}${classes ? ` class="${classes}"` : ''}>`;
};

use((chai) => {
  const assert = chai.Assertion.prototype.assert;
  chai.Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: Parameters<typeof assert>) {
    const [expr, message, negated, expected, actual = chai.util.flag(this, 'object'), showDiff] = args;
    if (actual instanceof Node || expected instanceof Node) return assert.call(this, expr, message, negated, describeNode(expected), describeNode(actual), false);
    return assert.call(this, expr, message, negated, expected, actual, showDiff);
  };
});
