// node:test reporter that writes only the totals (tests, not suites) as JSON; scripts/test.mjs
// adds them to the browser totals for the final "N passed, N failed" line.
export default async function* counter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) continue;
    if (event.type === 'test:pass') passed++;
    else failed++;
  }
  yield JSON.stringify({ passed, failed });
}
