/**
 * How to start Node so that file permissions apply: root reads everything, so as root the
 * child runs without the capabilities that bypass them (setpriv, util-linux). It stays
 * root, the owner of the checkout, so it can still load the code wherever the checkout is.
 * Returns the program and the arguments that go before Node's own.
 */
export function nodeWithoutFileAccessBypass(): [string, string[]] {
  return process.getuid?.() === 0
    ? ['setpriv', ['--bounding-set=-dac_override,-dac_read_search', process.execPath]]
    : [process.execPath, []];
}
