// Builds the site search index in shards, at build time (run by macros/search_shards.py, with Node.js).
//
// The index is built by the code the browser used to run: Material's own search worker (its lunr copy, its
// tokenizer and its field setup) with the project's Dutch module (lunr.nl.min.js with the compound map in
// front), loaded here in a sandbox. Then it is written in small files that the project's search worker
// (search_worker.js) loads per query:
//   search/shards/index.js    the manifest: shard keys, doc chunks, pages, the stub config;
//   search/shards/t<N>.js      terms whose first letters are one shard key, each with lunr's number of the term and,
//                              per field, the documents and lunr's score of the term there (integer thousandths,
//                              as lunr rounds them; documents as differences of their numbers);
//   search/shards/d<N>.js      a chunk of consecutive documents (location, title, text, key) for the result list;
//   search/shards/p.js         the location and title of every page, for a result list longer than the chunks loaded.
// Each file is `pvaSearch([name, data]);`: a script for the frame of file://, and JSON after 10 characters for
// fetch() over http.
//
//   node search_shards.js SITE_DIR MATERIAL_WORKER_FILE
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const SHARD_BYTES = 48000;       // a term shard is split further by the next letter above this size (gzip: ~1/6)
const CHUNK_DOCS = 16;           // documents per document chunk, at most
const CHUNK_BYTES = 24000;       // and about this many characters
const MAX_TEXT = 12000;          // longer texts (whole-site tables) are cut for the result list only

function loadMaterial(site, workerFile) {
  const workers = path.join(site, "assets", "javascripts", "workers");
  let listener = null;
  const posted = [];
  const sandbox = {
    console, setTimeout, clearTimeout, queueMicrotask,
    addEventListener(type, fn) { if (type === "message") listener = fn; },
    postMessage(message) { posted.push(message); },
    importScripts(...urls) {
      for (const url of urls)
        vm.runInContext(fs.readFileSync(path.resolve(workers, url), "utf8"), sandbox, { filename: url });
    },
  };
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(workerFile, "utf8"), sandbox, { filename: workerFile });
  if (!listener || !sandbox.lunr) throw new Error("Material's search worker did not start: " + workerFile);
  return { sandbox, send: async message => { await listener({ data: message }); return posted.pop(); } };
}

function cutText(text) {
  if (text.length <= MAX_TEXT) return text;
  let cut = text.lastIndexOf("<", MAX_TEXT);
  if (cut < MAX_TEXT / 2) cut = text.lastIndexOf(" ", MAX_TEXT);
  return text.slice(0, cut) + " …";
}

function writeShard(dir, name, data) {
  const body = `pvaSearch(${JSON.stringify([name, data])});\n`;
  fs.writeFileSync(path.join(dir, name + ".js"), body);
  return Buffer.byteLength(body);
}

async function main() {
  const [site, workerFile] = process.argv.slice(2);
  const indexFile = path.join(site, "search", "search_index.json");
  const { config, docs } = JSON.parse(fs.readFileSync(indexFile, "utf8"));
  const material = loadMaterial(site, workerFile);
  const lunr = material.sandbox.lunr;

  // Positions (for highlighting) are worked out in the browser for the documents shown; not stored here.
  Object.defineProperty(lunr.Builder.prototype, "metadataWhitelist", { get: () => [], set: () => {} });
  let built = null;
  const build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () { return built = build.call(this); };
  const ready = await material.send({ type: 0, data: { config, docs: docs.map(doc => ({ ...doc })), options: { suggest: false } } });
  if (!ready || ready.type !== 1 || !built) throw new Error("Material's search worker built no index");

  const number = new Map(docs.map((doc, n) => [doc.location, n]));
  if (number.size !== docs.length) throw new Error("two search documents have the same location");
  const fields = built.fields;

  // term index -> per field [[doc, score], ...], read from lunr's field vectors.
  const postings = new Map();
  for (const [fieldRef, vector] of Object.entries(built.fieldVectors)) {
    const slash = fieldRef.indexOf("/");   // lunr.FieldRef: "field/docRef"
    const field = fields.indexOf(fieldRef.slice(0, slash)), doc = number.get(fieldRef.slice(slash + 1));
    const el = vector.elements;
    for (let i = 0; i < el.length; i += 2) {
      let entry = postings.get(el[i]);
      if (!entry) postings.set(el[i], entry = fields.map(() => []));
      entry[field].push(doc, Math.round(el[i + 1] * 1000));
    }
  }
  // term -> [per field: doc deltas and scores, flat], documents in index order.
  const terms = new Map();
  for (const [term, posting] of Object.entries(built.invertedIndex)) {
    const entry = postings.get(posting._index) || fields.map(() => []);
    // lunr's own number of the term first: in that order lunr adds up a score, to the last bit.
    terms.set(term, [posting._index].concat(entry.map(flat => {
      const pairs = [];
      for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
      pairs.sort((a, b) => a[0] - b[0]);
      const out = [];
      let last = 0;
      for (const [doc, score] of pairs) { out.push(doc - last, score); last = doc; }
      return out;
    })));
  }

  // Shard keys: split a group of terms by its next letter while it is too big; a term stays whole.
  const size = term => term.length + 4 + JSON.stringify(terms.get(term)).length;
  const shards = [];
  (function split(prefix, group) {
    const total = group.reduce((sum, term) => sum + size(term), 0);
    if (total <= SHARD_BYTES || group.every(term => term.length === prefix.length)) {
      if (group.length) shards.push([prefix, group]);
      return;
    }
    const own = [], next = new Map();
    for (const term of group) {
      if (term.length === prefix.length) { own.push(term); continue; }
      const key = prefix + term[prefix.length];
      if (!next.has(key)) next.set(key, []);
      next.get(key).push(term);
    }
    if (own.length) shards.push([prefix, own]);
    for (const key of [...next.keys()].sort()) split(key, next.get(key));
  })("", [...terms.keys()].sort());

  const out = path.join(site, "search", "shards");
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const shardSizes = shards.map(([, group], n) =>
    writeShard(out, "t" + n, Object.fromEntries(group.map(term => [term, terms.get(term)]))));

  // Document chunks: consecutive documents, so a page's sections mostly share a chunk with it.
  const chunks = [], chunkSizes = [];
  for (let n = 0; n < docs.length;) {
    const start = n, items = [];
    let bytes = 0;
    while (n < docs.length && items.length < CHUNK_DOCS && (bytes < CHUNK_BYTES || !items.length)) {
      const doc = { ...docs[n] };
      doc.text = cutText(doc.text || "");
      items.push(doc);
      bytes += JSON.stringify(doc).length;
      n++;
    }
    chunks.push(start);
    chunkSizes.push(writeShard(out, "d" + (chunks.length - 1), items));
  }
  // The first document of every page (Material: the first entry of a path is the page, the rest its sections).
  const pages = [];
  const seen = new Set();
  docs.forEach((doc, n) => {
    const page = doc.location.split("#")[0];
    if (!seen.has(page)) { seen.add(page); pages.push(n); }
    else if (page !== docs[n - 1].location.split("#")[0])
      throw new Error(`the sections of ${page} are not next to each other in the search index`);
  });

  // Every page's location and title: the pages of a long result list beyond the documents loaded for it.
  writeShard(out, "p", pages.map(n => [docs[n].location, docs[n].title]));
  writeShard(out, "index", {
    docs: docs.length, fields,
    shards: shards.map(([key]) => key), shardSizes, chunks, chunkSizes, pages,
  });
  process.stdout.write(JSON.stringify({ terms: terms.size, shards: shards.length, chunks: chunks.length }) + "\n");
}

main().catch(err => { process.stderr.write(String(err && err.stack || err) + "\n"); process.exit(1); });
