/**
 * The largest patch or mbox `check` reads (a file or stdin): 256 MiB. Patches can be large (one
 * that adds a generated register header runs to tens of megabytes) but a JavaScript string holds at
 * most 512 MiB, and the text is held a few times over while it is parsed. C files have their own,
 * smaller limit (--max-file-size).
 */
export const MAX_PATCH_BYTES = 256 * 1024 * 1024;
