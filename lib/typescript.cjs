// Loaded through package.json "imports" (#typescript). An ES module importing the `typescript`
// package directly makes Node scan its 9 MB source for named exports and probe its module format on
// every start (about 300 ms); a plain require of it from here does neither.
const typescript = require('typescript');
module.exports = typescript;
