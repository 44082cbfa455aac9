/**
 * Version of the analysis results. Bump the minor version when an algorithm changes its
 * answers (the library re-analyses files analysed by an older version, keeping the
 * user's own tags and edits); bump the major version when fields change shape.
 */
export const ANALYZER_VERSION = '1.5.0';
