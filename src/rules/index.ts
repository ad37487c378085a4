import { helperAvailability } from './helper-availability.js';
import { helperMisuse } from './helper-misuse.js';
import { memcgFieldRead } from './memcg-field-read.js';
import { memcgFieldWrite } from './memcg-field-write.js';
import { objCgroupsAccess } from './obj-cgroups-access.js';
import { pageKmemcg } from './page-kmemcg.js';
import { rawMemcgData } from './raw-memcg-data.js';
import type { Rule } from './rule.js';
import { staleComment } from './stale-comment.js';
import { tagTrick } from './tag-trick.js';

/** Every rule, in the order findings are reported for the same place. */
export const RULES: readonly Rule[] = [memcgFieldRead, memcgFieldWrite, objCgroupsAccess, tagTrick, pageKmemcg, rawMemcgData, helperAvailability, helperMisuse, staleComment];
