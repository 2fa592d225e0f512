// Drives Firefox ESR over WebDriver BiDi (puppeteer-core) for the Python tests: one JSON request a line
// on stdin ({id, op, args}), one JSON answer a line on stdout ({id, value} | {id, error}).
// Usage: node firefox_bridge.mjs <firefox executable> <proxy port>
import readline from "node:readline";
import puppeteer from "puppeteer-core";

const [executablePath, proxyPort] = process.argv.slice(2);
const browser = await puppeteer.launch({
  browser: "firefox", executablePath, headless: true,
  extraPrefsFirefox: {
    // Every request goes to the test's gate, which serves the site (also as http://intranet.test/).
    "network.proxy.type": 1, "network.proxy.http": "127.0.0.1", "network.proxy.http_port": Number(proxyPort),
    "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": Number(proxyPort),
    "network.proxy.allow_hijacking_localhost": true, "network.proxy.no_proxies_on": "",
  },
});
const contexts = new Map();
const pages = new Map();
const foreign = new Map();
let nextId = 1;

// Remember an object under a new number.
function keep(map, value) {
  const id = nextId++;
  map.set(id, value);
  return id;
}

const ops = {
  // A fresh browsing context (its own storage) with one tab that records every request (its workers'
  // too) to a URL outside `local` (Firefox's own background traffic is not the page's); init is a
  // script run before each document's own.
  async session({ init, local }) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const id = keep(pages, page);
    foreign.set(id, []);
    page.on("request", (request) => {
      if (!local.some((prefix) => request.url().startsWith(prefix))) { foreign.get(id).push(request.url()); }
    });
    if (init) { await page.evaluateOnNewDocument(init); }
    return { context: keep(contexts, context), page: id };
  },
  // The tab's requests to other origins since the last call.
  async foreign({ page }) {
    return foreign.get(page).splice(0);
  },
  async goto({ page, url }) {
    await pages.get(page).goto(url, { waitUntil: "load", timeout: 300_000 });
  },
  async wait({ page, selector, timeout }) {
    await pages.get(page).waitForSelector(selector, { timeout });
  },
  async waitFunction({ page, expression, timeout }) {
    await pages.get(page).waitForFunction(expression, { timeout, polling: 100 });
  },
  async evaluate({ page, expression }) {
    return await pages.get(page).evaluate(expression);
  },
  async click({ page, selector }) {
    await pages.get(page).click(selector);
  },
  async fill({ page, selector, value }) {
    const tab = pages.get(page);
    await tab.$eval(selector, (control) => { control.value = ""; });
    await tab.type(selector, value);
  },
  async press({ page, selector, key }) {
    const control = await pages.get(page).$(selector);
    await control.press(key);
  },
  async viewport({ page, width, height }) {
    await pages.get(page).setViewport({ width, height });
  },
  async close({ context }) {
    await contexts.get(context).close();
    contexts.delete(context);
  },
  async quit() {
    await browser.close();
    process.exit(0);
  },
};

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  const { id, op, args } = JSON.parse(line);
  try {
    const value = await ops[op](args || {});
    process.stdout.write(JSON.stringify({ id, value: value === undefined ? null : value }) + "\n");
  } catch (error) {
    process.stdout.write(JSON.stringify({ id, error: String(error && error.stack || error) }) + "\n");
  }
});
lines.on("close", () => browser.close().then(() => process.exit(0)));
