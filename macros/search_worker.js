/*
 * The site's search worker: Material's search messages (SETUP 0, READY 1, QUERY 2, RESULT 3), with an index
 * that is loaded in parts per query instead of as a whole on every page (issue 12).
 *
 * Written into the site by macros/search_shards.py as assets/javascripts/workers/search.pva.<hash>.min.js;
 * the pages' Material config points at it. It runs as a Web Worker over http and, from a folder (file://),
 * in the hidden frame of docs/javascripts/iframe-worker-csp.js (importScripts returns a promise there).
 *
 * Per query:
 *   1. the query is transformed as Material does, and parsed by lunr with the project's Dutch module
 *      (lunr.nl.min.js), which gives every word, its stem and its prefix;
 *   2. the term shards holding those terms are loaded (search/shards/t<N>.js, made at build time by
 *      macros/search_shards.js from the index Material's own worker builds); a prefix whose shards are
 *      larger than PREFIX_BUDGET (one or two letters on a big site) is searched as a whole word only;
 *   3. every matching document is scored from those terms as lunr's Index#query scores it over the whole index
 *      (rank, below: the Dutch module's clauses, lunr's token set expansion and presence rules, one query vector
 *      per field, the stored field scores summed in lunr's order), then boosted as Material does; a score only
 *      depends on the document's scores for the query's terms and on which terms a word expands to, and both
 *      are complete in the shards loaded;
 *   4. the best pages are chosen, up to DOC_BUDGET characters of documents, and their documents loaded
 *      (search/shards/d<N>.js);
 *   5. Material's own worker code (loaded from its file) builds its search over those documents, with a lunr
 *      index of the query's terms for just them in place of its own (makeIndex), and answers the query: the
 *      same result list, order, grouping and highlighting as before;
 *   6. the other pages that match follow, in the same order, with their title only (search/shards/p.js):
 *      a very common word on a big site still lists every page, without loading all their texts.
 * Not the same as over the whole index: lunr's fuzzy words ("gesprek~1") match only terms in the parts of
 * their typed letters.
 */
(function () {
  "use strict";
  var MATERIAL = "__MATERIAL_WORKER__";   // Material's worker, beside this file (macros/search_shards.py)
  var PREFIX_BUDGET = 250000;             // characters of term shards a prefix may load
  var DOC_BUDGET = 80000;                 // characters of documents a result list may load
  var KEY_MARK = "qz";                    // macros/search_hooks.py

  var inFrame = typeof parent !== "undefined" && "IFrameWorker" in parent;
  var base = inFrame ? document.querySelector("script[src]").src : self.location.href;
  var shardBase = new URL("../../../search/shards/", base);

  // Material's worker registers its message listener and posts its answers; both are caught here.
  var addListener = self.addEventListener.bind(self);
  var send = self.postMessage.bind(self);
  var materialListener = null, replies = [];
  self.addEventListener = function (type, fn) {
    if (type === "message" && !materialListener) materialListener = fn;
    else addListener.apply(null, arguments);
  };
  self.postMessage = function (message) {
    var reply = replies.shift();
    if (reply) reply(message);
  };
  function material(message) {
    return new Promise(function (resolve) {
      replies.push(resolve);
      materialListener({ data: message });
    });
  }

  // Each script once: Material loads its language scripts again at each SETUP.
  var realImport = self.importScripts, imported = {};
  self.importScripts = function () {
    var urls = Array.prototype.filter.call(arguments, function (url) {
      var href = new URL(url, base).href;
      return imported[href] ? false : (imported[href] = true);
    });
    return urls.length ? realImport.apply(self, urls) : undefined;
  };

  // ---- loading the parts of the index ----

  var waiting = {};
  self.pvaSearch = function (item) {
    if (waiting[item[0]]) waiting[item[0]](item[1]);
  };
  var files = {};
  function load(name) {
    if (!files[name]) {
      var url = new URL(name + ".js", shardBase).href;
      files[name] = inFrame
        ? new Promise(function (resolve, reject) {
          waiting[name] = resolve;
          Promise.resolve(realImport(url)).catch(reject);
        })
        : fetch(url).then(function (response) {
          if (!response.ok) throw new Error(url + ": " + response.status);
          return response.text();
        }).then(function (text) {
          return JSON.parse(text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")))[1];
        });
    }
    return files[name];
  }

  var config = null, options = { suggest: false }, started = null, manifest = null, lunr = null;
  var partial = null;   // the index Material's next SETUP gets instead of building its own
  function start() {
    if (!started) {
      started = Promise.all([
        Promise.resolve(realImport(new URL(MATERIAL, base).href)).then(function () {
          lunr = self.lunr;
          var build = lunr.Builder.prototype.build;
          lunr.Builder.prototype.build = function () {
            return partial ? partial(this) : build.call(this);
          };
          return material({ type: 0, data: { config: config, docs: [], options: options } });
        }),
        load("index").then(function (data) {
          manifest = data;
          manifest.keyIndex = Object.create(null);
          data.shards.forEach(function (key, n) { manifest.keyIndex[key] = n; });
        })
      ]);
    }
    return started;
  }

  // ---- Material's query transformation (integrations/search/query), ported as is ----

  function split(input, separator, fn) {
    separator = new RegExp(separator, "g");
    var match, index = 0;
    do {
      match = separator.exec(input);
      var until = match ? match.index : input.length;
      if (index < until) fn(index, until);
      if (match) {
        index = match.index + match[0].length;
        if (match[0].length === 0) separator.lastIndex = match.index + 1;
      }
    } while (match);
  }

  function transformSearchQuery(query) {
    return query.trim()
      .split(/"([^"]+)"/g)
      .map(function (parts, index) {
        return index & 1 ? parts.replace(/^\b|^(?![^\x00-\x7F]|$)|\s+/g, " +") : parts;
      })
      .join("")
      .replace(/"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)/g, "")
      .split(/\s+/g)
      .reduce(function (prev, part) {
        var terms = [];
        var lexer = new lunr.QueryLexer(part);
        lexer.run();
        lexer.lexemes.forEach(function (lexeme) {
          if (lexeme.type === "FIELD") {
            if (["title", "text", "tags"].indexOf(lexeme.str) < 0)
              part = [part.slice(0, lexeme.end), " ", part.slice(lexeme.end + 1)].join("");
          } else if (lexeme.type === "TERM") {
            split(lexeme.str, lunr.tokenizer.separator, function (from, until) {
              terms.push([part.slice(0, lexeme.start), lexeme.str.slice(from, until), part.slice(lexeme.end)].join(""));
            });
          }
        });
        return prev.concat(terms);
      }, [])
      .map(function (term) { return /([~^]$)/.test(term) ? term + "1" : term; })
      .map(function (term) { return /(^[+-]|[~^]\d+$)/.test(term) ? term : term + "*"; })
      .join(" ");
  }

  // ---- which terms a query needs ----

  function shardOf(term) {
    for (var i = term.length; i >= 0; i--) {
      var n = manifest.keyIndex[term.slice(0, i)];
      if (n !== undefined) return n;
    }
    return -1;
  }
  function shardsFor(prefix) {
    var found = [];
    manifest.shards.forEach(function (key, n) {
      if (key.indexOf(prefix) === 0 || prefix.indexOf(key) === 0) found.push(n);
    });
    return found;
  }

  // The words of the query as lunr parses them with the Dutch module: exact terms and allowed prefixes.
  function wordsOf(query) {
    var parsed = new lunr.Query(manifest.fields);
    new lunr.QueryParser(query, parsed).parse();
    var exact = [], prefixes = [], shards = {};
    parsed.clauses.forEach(function (clause) {
      var prefix = null;
      if (clause.nlWord) {
        exact.push(clause.nlStem, lunr.nl.stem(KEY_MARK + clause.nlWord));
        if (!clause.usePipeline) prefix = clause.nlWord;
      } else if (clause.term[0] !== "*") {   // a word lunr searches as typed ("a*b", "word~1")
        prefix = clause.term.split(/[*~]/)[0];
      }
      if (prefix) {
        var need = shardsFor(prefix), size = 0;
        need.forEach(function (n) { size += manifest.shardSizes[n]; });
        if (size <= PREFIX_BUDGET) {
          prefixes.push(prefix);
          need.forEach(function (n) { shards[n] = true; });
        }
      }
    });
    exact.forEach(function (term) {
      var n = shardOf(term);
      if (n >= 0) shards[n] = true;
    });
    return { exact: exact, prefixes: prefixes, shards: Object.keys(shards) };
  }

  // ---- a lunr index of some terms, with the scores of the whole index ----

  function makeIndex(terms, termData, refOf, metadata, pipeline, refs) {
    var fields = manifest.fields, inverted = Object.create(null), pairs = Object.create(null);
    // Every document has a vector for every field, as in lunr's own index: a query of prohibited words only
    // lists the documents by their vectors.
    refs.forEach(function (ref) { fields.forEach(function (field) { pairs[field + "/" + ref] = []; }); });
    // In the order of lunr's own term numbers, which the vectors keep: sums come out the same to the last bit.
    terms.slice().sort(function (a, b) { return termData[a][0] - termData[b][0]; }).forEach(function (term) {
      var posting = Object.create(null), data = termData[term], i = data[0];
      posting._index = i;
      fields.forEach(function (field, f) {
        var box = posting[field] = Object.create(null), flat = data[f + 1], doc = 0;
        for (var j = 0; j < flat.length; j += 2) {
          doc += flat[j];
          var ref = refOf(doc);
          if (ref === null) continue;
          box[ref] = metadata(term, field, ref);
          var key = field + "/" + ref;
          (pairs[key] || (pairs[key] = [])).push(i, flat[j + 1] / 1000);
        }
      });
      inverted[term] = posting;
    });
    var vectors = Object.create(null);
    for (var key in pairs) vectors[key] = new lunr.Vector(pairs[key]);
    return new lunr.Index({
      invertedIndex: inverted, fieldVectors: vectors, tokenSet: lunr.TokenSet.fromArray(terms),
      fields: fields, pipeline: pipeline
    });
  }

  function pageOf(doc) {   // the first document of its page
    var pages = manifest.pages, lo = 0, hi = pages.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (pages[mid] <= doc) lo = mid; else hi = mid - 1;
    }
    return pages[lo];
  }
  function chunkOf(doc) {
    var chunks = manifest.chunks, lo = 0, hi = chunks.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (chunks[mid] <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // ---- ranking straight from the term shards, as lunr's Index#query would over the whole index ----

  // The query as the Dutch module's Index#search makes it (its clauses), without an index.
  function clausesOf(text) {
    var made = null;
    lunr.Index.prototype.search.call({
      fields: manifest.fields,
      query: function (fn) { made = new lunr.Query(this.fields); fn.call(made, made); return []; }
    }, text);
    return made;
  }

  // Every document that matches, with lunr's score and the index terms it matched: lunr's Index#query step by
  // step (pipeline, token set expansion, required and prohibited words, one query vector per field, cosine
  // over the stored field scores, summed in lunr's order), on numbers instead of lunr's objects, which at
  // ten thousand matching documents took most of a query's time.
  function rank(query, terms, termData, pipeline) {
    var fields = manifest.fields, count = manifest.docs;
    var PROHIBITED = lunr.Query.presence.PROHIBITED, REQUIRED = lunr.Query.presence.REQUIRED;
    var tokenSet = lunr.TokenSet.fromArray(terms);
    var weights = fields.map(function () { return new Map(); });   // per field: term number -> query weight
    var postingOf = fields.map(function () { return new Map(); }); // per field: term number -> doc deltas, scores
    var sequence = [];                 // [field, term, doc deltas and scores] in the order lunr meets them
    var seen = Object.create(null), required = Object.create(null), prohibited = Object.create(null);
    var docsIn = function (flat) {
      var docs = [], doc = 0;
      for (var j = 0; j < flat.length; j += 2) docs.push(doc += flat[j]);
      return docs;
    };

    query.clauses.forEach(function (clause) {
      var clauseMatches = new Set();
      var words = clause.usePipeline ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      for (var w = 0; w < words.length; w++) {
        clause.term = words[w];
        var expanded = tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray();
        if (!expanded.length && clause.presence === REQUIRED) {
          clause.fields.forEach(function (field) { required[field] = new Set(); });
          break;
        }
        expanded.forEach(function (term) {
          var data = termData[term];
          clause.fields.forEach(function (field) {
            var f = fields.indexOf(field), flat = data[f + 1];
            if (clause.presence === REQUIRED) {
              docsIn(flat).forEach(function (d) { clauseMatches.add(d); });
              if (!(field in required)) required[field] = null;      // null: every document (lunr.Set.complete)
            }
            if (clause.presence === PROHIBITED) {
              var barred = prohibited[field] || (prohibited[field] = new Set());
              docsIn(flat).forEach(function (d) { barred.add(d); });
              return;
            }
            weights[f].set(data[0], (weights[f].get(data[0]) || 0) + clause.boost);
            if (seen[term + "/" + field]) return;
            seen[term + "/" + field] = true;
            postingOf[f].set(data[0], flat);
            sequence.push([f, term, flat]);
          });
        });
      }
      if (clause.presence === REQUIRED)
        clause.fields.forEach(function (field) {
          var had = required[field];
          if (had === undefined) return;     // the pipeline left no word (lunr itself would fail here)
          required[field] = had === null ? new Set(clauseMatches)
            : new Set(Array.from(had).filter(function (d) { return clauseMatches.has(d); }));
        });
    });
    var allowed = null, barred = new Set();
    fields.forEach(function (field) {
      var need = required[field];
      if (need) allowed = allowed === null ? need : new Set(Array.from(allowed).filter(function (d) { return need.has(d); }));
      if (prohibited[field]) prohibited[field].forEach(function (d) { barred.add(d); });
    });
    var admitted = function (doc) { return (allowed === null || allowed.has(doc)) && !barred.has(doc); };

    if (query.isNegated()) {   // nothing but prohibited words: every other document, unscored, in index order
      var rest = [];
      for (var d = 0; d < count; d++) if (admitted(d)) rest.push({ doc: d, score: 0, matched: [] });
      return rest;
    }

    // Per field: the dot product of the query vector with every matching document's field vector, adding the
    // terms in the order of their numbers (lunr.Vector#dot), and the query vector's length.
    var similarity = fields.map(function (field, f) {
      var numbers = Array.from(weights[f].keys()).sort(function (x, y) { return x - y; });
      var dot = new Float64Array(count), squares = 0;
      numbers.forEach(function (number) {
        var weight = weights[f].get(number), flat = postingOf[f].get(number);
        squares += weight * weight;
        if (!flat) return;
        for (var j = 0, doc = 0; j < flat.length; j += 2) {
          doc += flat[j];
          dot[doc] += weight * (flat[j + 1] / 1000);
        }
      });
      return { dot: dot, length: Math.sqrt(squares) };
    });

    // Documents in the order lunr meets their first field, each field's similarity added in the order met.
    var results = [], byDoc = new Map(), fieldMet = fields.map(function () { return new Uint8Array(count); });
    sequence.forEach(function (entry) {
      var f = entry[0], term = entry[1], met = fieldMet[f], sim = similarity[f];
      docsIn(entry[2]).forEach(function (doc) {
        if (!admitted(doc)) return;
        var result = byDoc.get(doc);
        if (!met[doc]) {
          met[doc] = 1;
          var score = sim.dot[doc] / sim.length || 0;
          if (result) result.score += score;
          else { byDoc.set(doc, result = { doc: doc, score: score, matched: [] }); results.push(result); }
        }
        if (result.matched.indexOf(term) < 0) result.matched.push(term);
      });
    });
    return results.sort(function (x, y) { return y.score - x.score; });
  }

  // Material's ranking after lunr's (integrations/search/_): a page before its sections, all words found first.
  function materialScore(result, clauseTerms) {
    var doc = result.doc, matched = result.matched, found = 0;
    clauseTerms.forEach(function (term) {
      if (matched.some(function (m) { return m.indexOf(term) === 0; })) found++;
    });
    var boost = (pageOf(doc) === doc ? 1 : 0) + (clauseTerms.length ? found / clauseTerms.length : 0);
    return result.score * (1 + boost * boost);
  }

  // ---- one query ----

  var latest = 0;                    // the newest query; older ones stop where they are and answer nothing
  var queue = Promise.resolve();     // Material's part of the answers, one at a time

  function answer(query, id) {
    var transformed, words, termData = Object.create(null), chosen;
    return start().then(function () {
      transformed = transformSearchQuery(query);
      words = transformed ? wordsOf(transformed) : { exact: [], prefixes: [], shards: [] };
      return Promise.all(words.shards.map(function (n) { return load("t" + n); }));
    }).then(function (shards) {
      if (id !== latest) return null;
      shards.forEach(function (shard) { for (var t in shard) termData[t] = shard[t]; });
      var exact = {};
      words.exact.forEach(function (t) { exact[t] = true; });
      var terms = Object.keys(termData).filter(function (t) {
        return exact[t] || words.prefixes.some(function (p) { return t.indexOf(p) === 0; });
      }).sort();
      var pipeline = new lunr.Pipeline();
      pipeline.add(lunr.nl.trimmer, lunr.nl.stopWordFilter, lunr.nl.stemmer);
      var ranking = transformed
        ? rank(clausesOf(transformed), terms, termData, pipeline) : [];

      // The best pages first, as Material orders them, as far as the budget goes.
      var parsed = new lunr.Query(manifest.fields);
      new lunr.QueryParser(transformed, parsed).parse();
      var clauseTerms = parsed.clauses.map(function (c) { return c.term.replace(/^\*|\*$/g, ""); });
      ranking.forEach(function (r) { r.final = materialScore(r, clauseTerms); });
      ranking.sort(function (a, b) { return b.final - a.final; });
      var pages = new Map(), bestOf = new Map();
      ranking.forEach(function (r) {
        var doc = r.doc, page = pageOf(doc);
        if (!pages.has(page)) { pages.set(page, [page]); bestOf.set(page, r.final); }
        if (doc !== page) pages.get(page).push(doc);
      });
      var chunks = {}, size = 0, docs = {}, rest = [], full = true;
      for (var [page, group] of pages) {
        var extra = 0, more = {};
        group.forEach(function (doc) {
          var c = chunkOf(doc);
          if (!chunks[c] && !more[c]) { more[c] = true; extra += manifest.chunkSizes[c]; }
        });
        if (full && size && size + extra > DOC_BUDGET) full = false;
        if (!full) {
          rest.push([page, bestOf.get(page)]);
          continue;
        }
        size += extra;
        Object.assign(chunks, more);
        group.forEach(function (doc) { docs[doc] = true; });
      }
      chosen = { docs: docs, terms: terms, rest: rest };
      return Promise.all(Object.keys(chunks).map(function (c) {
        return load("d" + c).then(function (items) { return { start: manifest.chunks[c], items: items }; });
      }).concat(rest.length ? [load("p")] : []));
    }).then(function (loaded) {
      if (loaded === null || id !== latest) return null;
      var titles = chosen.rest.length ? loaded.pop() : [];
      var list = [];
      loaded.forEach(function (chunk) {
        chunk.items.forEach(function (doc, i) {
          if (chosen.docs[chunk.start + i]) list.push([chunk.start + i, doc]);
        });
      });
      list.sort(function (a, b) { return a[0] - b[0]; });
      var refs = {};
      list.forEach(function (entry) { refs[entry[0]] = entry[1].location; });
      // Material's next SETUP builds its search over these documents; its index is this one, with the
      // positions its own tokenizer found in them (for highlighting).
      var ownIndex = function (builder) {
        var own = builder.invertedIndex;
        return makeIndex(chosen.terms, termData, function (doc) { return refs[doc] === undefined ? null : refs[doc]; },
          function (term, field, ref) {
            var found = own[term] && own[term][field] && own[term][field][ref];
            return found ? found : { position: [] };
          }, builder.searchPipeline, list.map(function (entry) { return entry[1].location; }));
      };
      var docs = list.map(function (entry) { return Object.assign({}, entry[1]); });
      // Material's search holds one index at a time: one query at a time from here on.
      var turn = queue.then(function () {
        if (id !== latest) return null;
        partial = ownIndex;
        return material({ type: 0, data: { config: config, docs: docs, options: options } })
          .then(function () {
            partial = null;
            return material({ type: 2, data: query });
          });
      });
      queue = turn.catch(function () { partial = null; });
      return turn.then(function (result) {
        if (!result) return null;
        var pageNumber = new Map(manifest.pages.map(function (doc, i) { return [doc, i]; }));
        chosen.rest.forEach(function (entry) {
          var page = titles[pageNumber.get(entry[0])];
          result.data.items.push([{ location: page[0], title: page[1], text: "", score: entry[1], terms: {} }]);
        });
        return result;
      });
    });
  }

  addListener("message", function (event) {
    var message = event.data;
    if (message.type === 0) {               // SETUP: the stub index (config only); the parts load per query
      config = message.data.config;
      options = message.data.options || options;
      send({ type: 1 });
    } else if (message.type === 2) {        // QUERY: answered in order; an older query still loading is dropped
      var id = ++latest;
      var answered = String(message.data).trim()   // Material asks with an empty box when a page opens
        ? answer(message.data, id) : Promise.resolve({ type: 3, data: { items: [] } });
      answered.then(function (result) { if (result && id === latest) send(result); })
        .catch(function (err) {
          partial = null;
          console.warn("Zoeken mislukt:", err);
          if (id === latest) send({ type: 3, data: { items: [] } });
        });
    }
  });
})();
