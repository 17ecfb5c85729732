// Runs the site's own assets/search.js under Node, with just enough of a DOM for its loader,
// and reports which index files one query loads and how many bytes they are.
//   node bench/search-query.js SITE_FOLDER QUERY
// Prints one JSON line: {"query", "results", "files": [...], "bytes"}.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, query] = process.argv.slice(2);
const loaded = [];
const context = {
  console, Promise, setTimeout, clearTimeout,
  document: {
    readyState: "complete",
    head: {
      appendChild(script) {
        const file = path.join(site, script.src);
        loaded.push(path.relative(site, file));
        setTimeout(() => {
          try {
            vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
          } catch (error) {
            if (script.onerror) script.onerror(error);
          }
        }, 0);
      },
    },
    createElement: () => ({}),
    getElementById: () => null,
    querySelector: () => null,
    querySelectorAll: () => [],
    addEventListener() {},
  },
  addEventListener() {},
};
context.window = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(site, "assets/search.js"), "utf8"), context);
context.cheatgenSearch.query(query).then((results) => {
  const bytes = loaded.reduce((sum, file) => sum + fs.statSync(path.join(site, file)).size, 0);
  console.log(JSON.stringify({ query, results: results.map((r) => r.url), files: loaded, bytes }));
}, (error) => { console.error(String(error)); process.exit(1); });
