// Tokenises every .sop file of the repository (the shipped standards, the examples and the
// test corpus) with the TextMate grammar, as VS Code does (vscode-textmate + oniguruma), and
// fails when a file leaves a scope open at its end (an unclosed quoted text or comment
// region), when a token is marked invalid, or when a keyword at the start of a line is not
// highlighted as one. Run from the repository root or from this folder.
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const here = __dirname;
const root = path.resolve(here, "..", "..", "..");
const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;

const registry = new vsctm.Registry({
  onigLib: oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  })),
  loadGrammar: async (scope) => {
    if (scope !== "source.sop") return null;
    const file = path.join(here, "..", "syntaxes", "sop.tmLanguage.json");
    return vsctm.parseRawGrammar(fs.readFileSync(file, "utf8"), file);
  },
});

function files(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) files(p, out);
    else if (entry.name.endsWith(".sop")) out.push(p);
  }
  return out;
}

// Files written to be unreadable (the mistakes corpus): an unclosed quote is their point.
const broken = /kutip_tidak_ditutup|open_quote|syntax_unclosed|too_deep|not_utf8|control_character/;

(async () => {
  const grammar = await registry.loadGrammar("source.sop");
  // The language's keyword table (both spellings), not the grammar's own list: a keyword the
  // grammar misses fails here.
  const table = fs.readFileSync(path.join(root, "src", "source", "keywords.rs"), "utf8");
  const keywords = new Set(
    [...table.matchAll(/\("([^"]+)", "([^"]+)"\)/g)].flatMap((m) => [m[1], m[2]])
  );
  const all = ["standards", "examples", "tests"]
    .map((d) => path.join(root, d))
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => files(d, []))
    .filter((f) => !broken.test(f));
  let failures = 0;
  // Every keyword of the table, in both spellings, is one for the grammar.
  const rule = JSON.parse(
    fs.readFileSync(path.join(here, "..", "syntaxes", "sop.tmLanguage.json"), "utf8")
  ).repository.keyword.match;
  const whole = new RegExp(`^(?:${rule})$`);
  for (const k of keywords) {
    if (!whole.test(k)) {
      console.error(`keyword ${k} is missing from the grammar`);
      failures += 1;
    }
  }
  let lines = 0;
  let checkedKeywords = 0;
  for (const file of all) {
    const text = fs.readFileSync(file, "utf8").replace(/\r\n/g, "\n");
    let stack = vsctm.INITIAL;
    const rel = path.relative(root, file);
    text.split("\n").forEach((line, n) => {
      const r = grammar.tokenizeLine(line, stack);
      lines += 1;
      for (const t of r.tokens) {
        if (t.scopes.some((s) => s.includes("invalid"))) {
          console.error(`${rel}:${n + 1}: invalid token ${line.slice(t.startIndex, t.endIndex)}`);
          failures += 1;
        }
      }
      // The first word of a line that is a keyword is highlighted as one (outside a quoted
      // text that began on an earlier line).
      const m = /^\s*([a-z_]+)\b/.exec(line);
      if (m && keywords.has(m[1]) && stack.depth === 1) {
        const at = line.indexOf(m[1]);
        const tok = r.tokens.find((t) => t.startIndex <= at && at < t.endIndex);
        if (!tok || !tok.scopes.includes("keyword.control.sop")) {
          console.error(`${rel}:${n + 1}: keyword ${m[1]} not highlighted (${tok && tok.scopes})`);
          failures += 1;
        }
        checkedKeywords += 1;
      }
      stack = r.ruleStack;
    });
    if (stack.depth !== 1) {
      console.error(`${rel}: a scope is left open at the end of the file`);
      failures += 1;
    }
  }
  console.log(`${all.length} files, ${lines} lines, ${checkedKeywords} keywords at line starts: ${failures} failures`);
  if (failures > 0 || all.length < 100) process.exit(1);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
