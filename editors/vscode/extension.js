// The sopan extension: the .sop language (grammar and configuration in package.json) and the
// language server, started as `sopan lsp` over stdio.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("sopan");
  const command = config.get("server.path", "sopan");
  const env = { ...process.env, SOPAN_LANG: config.get("language", "id") };
  const server = { command, args: ["lsp"], options: { env } };
  client = new LanguageClient(
    "sopan",
    "sopan",
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: "file", language: "sop" },
        { scheme: "file", pattern: "**/*.kalender.yaml" },
      ],
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
