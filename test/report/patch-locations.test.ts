import { parseSeries } from '../../src/patch/parse-series.js';
import { buildPostImages } from '../../src/patch/post-image.js';
import { locationKey, patchLocations } from '../../src/report/patch-locations.js';
import { readFixture } from '../helpers/tree.js';

describe('patchLocations', () => {
  it('maps each added C line of each patch to its line in the patch text, and counts them', () => {
    const p1 = readFixture('split/0001-mm-page_stats-count-charged-pages.patch');
    const p2 = readFixture('split/0002-mm-page_stats-export-the-charged-count.patch');
    const { series } = parseSeries([{ source: 'p1', text: p1 }, { source: 'p2', text: p2 }]);
    const { perPatch } = buildPostImages(series);
    const locations = patchLocations(series, perPatch);
    const lineIn = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

    const first = locations.get(1)!;
    // Ten lines added to mm/page_stats.c; the line added to the .rst file is not checked.
    expect(first.linesChecked).toBe(10);
    expect(first.lines.size).toBe(10);
    const image = perPatch[0]!.find((i) => i.path === 'mm/page_stats.c')!;
    const imageLine = image.text.split('\n').indexOf('\tif (page->mem_cgroup)') + 1;
    expect(first.lines.get(locationKey('mm/page_stats.c', imageLine))).toBe(lineIn(p1, '+\tif (page->mem_cgroup)'));
    expect([...first.lines.keys()].every((k) => k.startsWith('mm/page_stats.c:'))).toBe(true);
    expect(locations.get(2)!.linesChecked).toBeGreaterThan(0);
  });
});
