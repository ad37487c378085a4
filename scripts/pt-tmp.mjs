import fs from 'node:fs';
const { loadCParser } = await import('/work/main/dist/c/parser.js');
const { indexNodes } = await import('/work/main/dist/c/node-index.js');
const { RELEVANT } = await import('/work/main/dist/c/source-analysis.js');
const { MEMCG_CALLS } = await import('/work/main/dist/model/helper-names.js').catch(()=>({}));
const root = process.env.HOME + '/.cache/linux-source/linux-source-5.10/';
const files = fs.readFileSync('/tmp/files43','utf8').trim().split('\n').map(f => fs.readFileSync(root + f, 'utf8'));
const p = await loadCParser();
for (let round = 0; round < 3; round++) {
  let tp = 0, tw = 0, tpw = 0, ti = 0;
  for (const text of files) {
    let t0 = performance.now();
    const tree = p.parse(text);
    tp += performance.now() - t0;
    t0 = performance.now();
    const tree2 = p.parseWithin(text, Date.now() + 100000);
    tpw += performance.now() - t0;
    t0 = performance.now();
    // raw cursor walk over whole tree, no node materialization
    const c = tree.rootNode.walk(); let n = 0;
    for (;;) { n++; if (c.gotoFirstChild()) continue; while (!c.gotoNextSibling()) { if (!c.gotoParent()) { n = -n; break; } } if (n < 0) break; }
    tw += performance.now() - t0;
    t0 = performance.now();
    indexNodes(tree.rootNode, RELEVANT, MEMCG_CALLS ?? new Set(), new Map(), text);
    ti += performance.now() - t0;
    tree.delete(); tree2.delete();
  }
  console.log(`parse ${tp|0} ms, parseWithin ${tpw|0} ms, bare cursor walk ${tw|0} ms, indexNodes ${ti|0} ms`);
}
