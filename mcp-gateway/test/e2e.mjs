// End-to-end test of Catalyst's MCP gateway with the official MCP TypeScript SDK client.
// Usage: MCP_URL=http://127.0.0.1:5000/mcp MCP_KEY=<key> node e2e.mjs <functional|json|ratelimit|fuzz|traders|watchlist|shorts|all>
// (shorts needs catalyst.trading.allow-short on: McpShortIT)
// Exit code 0 when every check passed; each failure is printed with what was expected.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const URL_ = process.env.MCP_URL ?? 'http://127.0.0.1:5000/mcp';
const KEY = process.env.MCP_KEY ?? '';
const FUZZ_COUNT = Number(process.env.FUZZ_COUNT ?? 10000);
const failures = [];
let checks = 0;

function check(ok, what) {
  checks++;
  if (!ok) { failures.push(what); console.error('FAIL', what); }
}

const auth = { Authorization: `Bearer ${KEY}` };
const BOTH = 'application/json, text/event-stream';

async function connect(protocolVersion) {
  const client = new Client({ name: 'catalyst-e2e', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(URL_), { requestInit: { headers: auth } });
  await client.connect(transport);
  return { client, transport };
}

async function post(body, headers = {}) {
  const res = await fetch(URL_, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: BOTH, ...auth, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text };
}

async function rawSession(version = '2025-06-18') {
  const init = await post({ jsonrpc: '2.0', id: 1, method: 'initialize',
    params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
  return { init, sid: init.headers.get('mcp-session-id') };
}

// every tool in an order that lets each do its job on a fresh simulated market: a cycle first, so that a manual trade
// has a cycle to attach to; symbols come from the scan
const TOOL_ORDER = [
  ['get_system_health', () => ({})], ['start_trading_cycle', () => ({ mode: 'normal', run_now: true })],
  ['get_cycle_status', () => ({})], ['get_cycle_history', () => ({ limit: 5 })], ['scan_market', () => ({ limit: 5, fresh: true })],
  ['analyze_symbol', (s) => ({ symbol: s[0] })], ['get_news', (s) => ({ symbol: s[0], limit: 3 })],
  ['check_trade_risk', (s) => ({ symbol: s[0] })], ['execute_trade', (s) => ({ symbol: s[1] })], ['get_positions', () => ({})],
  ['close_position', (s) => ({ symbol: s[1] })], ['get_orders', () => ({ limit: 5 })], ['get_account', () => ({})],
  ['get_risk_metrics', () => ({})], ['update_risk_parameters', () => ({ max_daily_loss: 1500, reason: 'end-to-end test' })],
  ['get_performance', () => ({ days: 5 })], ['get_daily_report', () => ({})],
  ['start_backtest', () => ({ strategy: 'ema-cross', symbols: 'SPY', from: '2011-01-03', to: '2011-01-07' })],
  ['get_backtest', () => ({ run_id: backtestId })],
  ['start_sweep', () => ({ strategy: 'ema-cross', symbols: 'SPY', from: '2011-01-03', to: '2011-01-14', grid: '{"ema_fast":[5,9]}',
    objective: 'net_pnl', in_sample_days: 4, out_of_sample_days: 2 })],
  ['get_sweep', () => ({ sweep_id: sweepId })],
  ['stop_trading', () => ({ close_positions: false, reason: 'manual' })], ['emergency_stop', () => ({ reason: 'end-to-end test' })],
];
// tools whose isError answer is the honest, expected one in this set-up (refused by risk, or nothing to close)
const MAY_REFUSE = new Set(['execute_trade', 'close_position']);
let backtestId = 0;
let sweepId = 0;

async function functional() {
  // protocol versions: the server echoes a version it supports
  for (const v of ['2025-11-25', '2025-06-18', '2025-03-26']) {
    const { init } = await rawSession(v);
    check(init.status === 200 && JSON.parse(init.text).result.protocolVersion === v, `initialize echoes ${v} (got ${init.status} ${init.text.slice(0, 120)})`);
  }
  const { client, transport } = await connect();
  check(client.getServerVersion()?.name === 'catalyst', 'server name is catalyst');
  check(typeof transport.sessionId === 'string' && transport.sessionId.length > 0, 'Mcp-Session-Id was issued');
  await client.ping();

  const tools = (await client.listTools()).tools;
  const names = tools.map(t => t.name);
  for (const [name] of TOOL_ORDER) check(names.includes(name), `tools/list has ${name}`);
  const total = TOOL_ORDER.length + TRADER_TOOLS.length + WATCHLIST_TOOLS.length;
  check(names.length === total, `tools/list has ${total} tools (got ${names.length})`);
  for (const t of tools) {
    check(t.inputSchema?.type === 'object', `${t.name} has an object input schema`);
    check(t.annotations && typeof t.annotations.readOnlyHint === 'boolean', `${t.name} has annotations`);
    check((t.description ?? '').length > 60, `${t.name} has a description for a model`);
  }
  const resources = (await client.listResources()).resources.map(r => r.uri);
  for (const uri of ['catalyst://system/health', 'catalyst://trading-cycle/current', 'catalyst://market-scan/latest',
    'catalyst://portfolio/positions/open', 'catalyst://analytics/daily-summary']) check(resources.includes(uri), `resources/list has ${uri}`);
  const templates = (await client.listResourceTemplates()).resourceTemplates.map(t => t.uriTemplate);
  check(templates.includes('catalyst://analytics/daily/{date}'), 'resource template for a day');
  check(templates.includes('catalyst://backtests/{id}'), 'resource template for a backtest run');
  check(templates.includes('catalyst://sweeps/{id}'), 'resource template for a sweep');
  const prompts = (await client.listPrompts()).prompts.map(p => p.name);
  check(prompts.includes('morning_briefing') && prompts.includes('end_of_day_review'), 'both prompts listed');
  const brief = await client.getPrompt({ name: 'morning_briefing', arguments: { focus: 'semiconductors' } });
  check(brief.messages.length > 0 && brief.messages[0].content.text.includes('get_system_health'), 'morning_briefing prompt text');
  const review = await client.getPrompt({ name: 'end_of_day_review', arguments: {} });
  check(review.messages[0].content.text.includes('get_daily_report'), 'end_of_day_review prompt text');

  const health = await client.readResource({ uri: 'catalyst://system/health' });
  check(JSON.parse(health.contents[0].text).status !== undefined, 'system/health resource reads');

  // every tool, with good arguments: a result (data, or an honest isError), never a protocol failure
  let symbols = ['AAPL', 'MSFT'];
  for (const [name, argsOf] of TOOL_ORDER) {
    const args = argsOf(symbols);
    let result;
    try {
      result = await client.callTool({ name, arguments: args }, undefined, { timeout: 120000 });
    } catch (e) {
      check(false, `${name} answered with a result (threw ${e.message})`);
      continue;
    }
    const text = result.content?.map(c => c.text).join('\n') ?? '';
    check(!/\bat [\w.$]+\(\w+\.java:\d+\)/.test(text), `${name} result holds no stack trace`);
    check(!text.includes(KEY) || KEY === '', `${name} result does not echo the key`);
    if (result.isError) {
      check(MAY_REFUSE.has(name), `${name} succeeded (isError: ${text.slice(0, 200)})`);
    } else {
      check(result.structuredContent && typeof result.structuredContent === 'object', `${name} returns structuredContent`);
    }
    if (name === 'scan_market' && !result.isError) {
      const found = result.structuredContent.candidates.map(c => c.symbol);
      if (found.length >= 2) symbols = found;
    }
    if (name === 'get_news' && !result.isError) {
      check(result.structuredContent.security?.trust === 'untrusted_tool_output', 'get_news is marked untrusted_tool_output');
      check(text.startsWith('UNTRUSTED EXTERNAL CONTENT'), 'get_news text says it is untrusted');
    }
    if (name === 'start_backtest' && !result.isError) {
      backtestId = result.structuredContent.run_id;
      check(Number.isInteger(backtestId) && backtestId > 0, `start_backtest returns a run_id (got ${backtestId})`);
    }
    if (name === 'get_backtest' && !result.isError) {
      // a week of SPY minutes takes well under a minute: poll until it has ended, then compare with the REST answer
      let run = result.structuredContent.backtest;
      for (let i = 0; i < 120 && (run.status === 'queued' || run.status === 'running'); i++) {
        await new Promise(r => setTimeout(r, 500));
        run = (await client.callTool({ name: 'get_backtest', arguments: { run_id: backtestId } })).structuredContent.backtest;
      }
      check(run.status === 'completed' && run.progress.bars_done === 5 * 390, `get_backtest: completed over 5 sessions (got ${run.status}, ${run.error})`);
      check(run.result.trades_closed > 0 && run.trades.length === run.result.trades_closed, 'get_backtest lists the run\'s trades');
      const rest = await fetch(`${URL_.replace(/\/mcp$/, '')}/api/v1/backtests/${backtestId}`, { headers: { Accept: 'application/json', ...auth } });
      check(rest.status === 200 && (await rest.json()).result.realized_pnl === run.result.realized_pnl, 'get_backtest agrees with GET /api/v1/backtests/{id}');
      const resource = await client.readResource({ uri: `catalyst://backtests/${backtestId}` });
      check(JSON.parse(resource.contents[0].text).backtest.run_id === backtestId, 'catalyst://backtests/{id} reads the run');
    }
    if (name === 'start_sweep' && !result.isError) {
      sweepId = result.structuredContent.sweep_id;
      check(Number.isInteger(sweepId) && sweepId > 0, `start_sweep returns a sweep_id (got ${sweepId})`);
    }
    if (name === 'get_sweep' && !result.isError) {
      // two trials over two weeks of SPY minutes: poll until it has ended, then compare with the REST answer
      let sweep = result.structuredContent.sweep;
      for (let i = 0; i < 240 && (sweep.status === 'queued' || sweep.status === 'running'); i++) {
        await new Promise(r => setTimeout(r, 500));
        sweep = (await client.callTool({ name: 'get_sweep', arguments: { sweep_id: sweepId } })).structuredContent.sweep;
      }
      check(sweep.status === 'completed' && sweep.progress.trials_done === 2 && sweep.trials.length === 2,
        `get_sweep: completed, 2 trials (got ${sweep.status}, ${sweep.error})`);
      check(sweep.objective === 'net_pnl' && sweep.folds.length === 3 && sweep.best?.trial_no === sweep.ranking[0],
        `get_sweep: 3 folds of 4 + 2 sessions over 10, the best ranked first (got ${JSON.stringify(sweep.folds?.length)})`);
      const rest = await fetch(`${URL_.replace(/\/mcp$/, '')}/api/v1/backtests/sweeps/${sweepId}`, { headers: { Accept: 'application/json', ...auth } });
      check(rest.status === 200 && JSON.stringify((await rest.json()).ranking) === JSON.stringify(sweep.ranking), 'get_sweep agrees with GET /api/v1/backtests/sweeps/{id}');
      const resource = await client.readResource({ uri: `catalyst://sweeps/${sweepId}` });
      check(JSON.parse(resource.contents[0].text).sweep.sweep_id === sweepId, 'catalyst://sweeps/{id} reads the sweep');
    }
    if (name === 'get_daily_report' && !result.isError) {
      // the gateway's report is the reporting bundle's: the same figures as GET /api/v1/reporting/daily/{date}
      const report = result.structuredContent.report;
      const rest = await fetch(`${URL_.replace(/\/mcp$/, '')}/api/v1/reporting/daily/${report.from}`, { headers: { Accept: 'application/json', ...auth } });
      check(rest.status === 200, `GET /api/v1/reporting/daily/${report.from} answers 200`);
      check(JSON.stringify(await rest.json()) === JSON.stringify(report), 'get_daily_report is the same report as GET /api/v1/reporting/daily/{date}');
    }
    console.log(`tool ${name}: ${result.isError ? 'isError: ' + text.slice(0, 100) : 'ok'}`);
  }
  const resourcesAfter = await client.readResource({ uri: 'catalyst://portfolio/positions/open' });
  check(resourcesAfter.contents[0].mimeType === 'application/json', 'positions resource reads');

  // bad arguments: isError naming the argument and what it accepts
  const bad = [
    ['get_orders', { limit: 0 }, 'limit'], ['get_orders', { limit: 'ten' }, 'limit'], ['get_news', {}, 'symbol'],
    ['analyze_symbol', { symbol: '$$$' }, 'symbol'], ['start_trading_cycle', { mode: 'yolo' }, 'aggressive'],
    ['get_positions', { extra: 1 }, 'extra'], ['get_daily_report', { date: '2026-13-45' }, 'YYYY-MM-DD'],
    ['update_risk_parameters', { risk_per_trade: 0.5 }, 'risk_per_trade'], ['update_risk_parameters', {}, 'max_open_positions'],
    ['get_backtest', {}, 'run_id'], ['start_backtest', { strategy: 'martingale' }, 'ema-cross'],
    ['get_sweep', {}, 'sweep_id'], ['start_sweep', { strategy: 'ema-cross', grid: '{"ema_speed":[5]}' }, 'ema_speed'],
    ['start_sweep', { strategy: 'ema-cross', grid: 'not json' }, 'grid'],
  ];
  for (const [name, args, mention] of bad) {
    const r = await client.callTool({ name, arguments: args });
    const text = r.content.map(c => c.text).join(' ');
    check(r.isError === true && text.includes(mention), `${name} ${JSON.stringify(args)} → isError naming ${mention} (got ${text.slice(0, 120)})`);
  }
  // a changed limit is the one in force: get_risk_metrics reads it back, and a refused change left it alone
  const metrics = await client.callTool({ name: 'get_risk_metrics', arguments: {} });
  check(Number(metrics.structuredContent?.limits?.max_daily_loss) === 1500,
    `get_risk_metrics shows the max_daily_loss set by update_risk_parameters (got ${JSON.stringify(metrics.structuredContent?.limits)})`);

  // unknown tool → JSON-RPC error
  let unknownRejected = false;
  try { await client.callTool({ name: 'no_such_tool', arguments: {} }); } catch (e) { unknownRejected = true; }
  check(unknownRejected, 'unknown tool is a JSON-RPC error');

  // GET stream opens on the session
  const controller = new AbortController();
  const get = await fetch(URL_, { headers: { Accept: 'text/event-stream', 'Mcp-Session-Id': transport.sessionId, ...auth }, signal: controller.signal });
  check(get.status === 200 && (get.headers.get('content-type') ?? '').includes('text/event-stream'), `GET opens an SSE stream (got ${get.status})`);
  controller.abort();

  // notifications get 202
  const note = await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, { 'Mcp-Session-Id': transport.sessionId });
  check(note.status === 202, `notification → 202 (got ${note.status})`);

  // keys: missing and wrong → 401 with WWW-Authenticate, no key echoed
  const noKey = await fetch(URL_, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: BOTH }, body: '{"jsonrpc":"2.0","id":1,"method":"ping"}' });
  check(noKey.status === 401 && (noKey.headers.get('www-authenticate') ?? '').startsWith('Bearer'), `missing key → 401 Bearer (got ${noKey.status})`);
  const wrong = await post({ jsonrpc: '2.0', id: 1, method: 'ping' }, { Authorization: 'Bearer wrong-key' });
  check(wrong.status === 401 && !wrong.text.includes('wrong-key'), `wrong key → 401 (got ${wrong.status})`);
  // the same key guards the REST API, reads included
  const restNoKey = await fetch(`${URL_.replace(/\/mcp$/, '')}/api/v1/trading/positions`);
  check(restNoKey.status === 401, `GET /api/v1/trading/positions without the key → 401 (got ${restNoKey.status})`);
  const restKey = await fetch(`${URL_.replace(/\/mcp$/, '')}/api/v1/trading/positions`, { headers: auth });
  check(restKey.status === 200, `GET /api/v1/trading/positions with the key → 200 (got ${restKey.status})`);
  // foreign Origin → 403; a localhost origin passes
  const foreign = await post({ jsonrpc: '2.0', id: 1, method: 'ping' }, { Origin: 'https://evil.example' });
  check(foreign.status === 403, `foreign Origin → 403 (got ${foreign.status})`);
  const local = await post({ jsonrpc: '2.0', id: 1, method: 'ping' }, { Origin: 'http://localhost:3000', 'Mcp-Session-Id': transport.sessionId });
  check(local.status === 200, `localhost Origin accepted (got ${local.status})`);
  // malformed JSON → -32700; no Accept → not a stack trace
  const malformed = await post('{"jsonrpc":"2.0",', { 'Mcp-Session-Id': transport.sessionId });
  check(malformed.status === 400 && JSON.parse(malformed.text).error.code === -32700, `malformed JSON → -32700 (got ${malformed.status} ${malformed.text})`);
  const noAccept = await fetch(URL_, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth }, body: '{"jsonrpc":"2.0","id":9}' });
  const noAcceptText = await noAccept.text();
  check(noAccept.status < 500 && !noAcceptText.includes('stackTrace') && !noAcceptText.includes('.java'), `request without Accept: no stack trace (got ${noAccept.status} ${noAcceptText.slice(0, 100)})`);

  // DELETE ends the session; the session is then unknown (404)
  await transport.terminateSession();
  const after = await post({ jsonrpc: '2.0', id: 5, method: 'ping' }, { 'Mcp-Session-Id': transport.sessionId ?? 'gone' });
  check(after.status === 404, `request after DELETE → 404 (got ${after.status})`);
  await client.close();
}

async function ratelimit() {
  // the IT sets the limit low for this phase: a burst above it gets 429 with Retry-After
  let limited = null;
  for (let i = 0; i < 60 && !limited; i++) {
    const r = await post({ jsonrpc: '2.0', id: i, method: 'ping' });
    if (r.status === 429) limited = r;
  }
  check(limited !== null, 'a burst over the limit gets 429');
  if (limited) check(Number(limited.headers.get('retry-after')) >= 1, `429 carries Retry-After (got ${limited.headers.get('retry-after')})`);
}

function fuzzBody(i, rnd) {
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const valid = JSON.stringify({ jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: 'get_positions', arguments: {} } });
  const junk = () => Array.from({ length: Math.floor(rnd() * 200) }, () => String.fromCharCode(Math.floor(rnd() * 0xffff))).join('');
  const kinds = [
    () => valid.slice(0, Math.floor(rnd() * valid.length)),                         // truncated
    () => junk(),                                                                     // random text
    () => JSON.stringify(pick([null, 1, 'x', true, [], [1, 2], {}, { jsonrpc: '1.0' }])),
    () => JSON.stringify({ jsonrpc: '2.0', id: pick([{}, [], 1.5, null, true]), method: 'ping' }),
    () => JSON.stringify({ jsonrpc: '2.0', id: i, method: pick(['', 'tools/call', 'resources/read', 'prompts/get', 'nope', 'initialize', 'x'.repeat(5000)]),
      params: pick([undefined, {}, { name: 1 }, { name: 'get_orders', arguments: { limit: pick([-1, 'a', 1e309, null, {}]) } }, { uri: 'catalyst://../../etc' }, { name: 'nope' }]) }),
    () => JSON.stringify({ jsonrpc: '2.0', id: i, result: pick([{}, 1, null]) }),
    () => JSON.stringify({ jsonrpc: '2.0', id: i, method: 'initialize', params: pick([{}, { protocolVersion: 1 }, { protocolVersion: '1999-01-01', capabilities: 'x', clientInfo: 3 }]) }),
    () => '{"jsonrpc":"2.0","id":1,"method":"ping","params":' + '['.repeat(3000),      // deep nesting
    () => '{"a":"' + 'A'.repeat(1024 * 1024 + 10) + '"}',                            // oversized
    () => JSON.stringify([{ jsonrpc: '2.0', id: 1, method: 'ping' }]),                // batch
  ];
  return pick(kinds)();
}

async function fuzz() {
  const { sid } = await rawSession();
  let seed = 20260105;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const statuses = {};
  let fiveXX = 0;
  let crashes = 0;
  const workers = 8;
  let next = 0;
  async function worker() {
    while (next < FUZZ_COUNT) {
      const i = next++;
      const body = fuzzBody(i, rnd);
      const withSession = rnd() < 0.7 ? { 'Mcp-Session-Id': sid } : {};
      try {
        const r = await post(body, withSession);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status >= 500) { fiveXX++; if (fiveXX < 5) console.error('5xx for', body.slice(0, 200), '→', r.text.slice(0, 200)); }
        if (r.text.includes('stackTrace') || /\.java:\d+/.test(r.text)) { check(false, `no stack trace in a reply (${body.slice(0, 80)})`); }
      } catch (e) {
        crashes++;
      }
    }
  }
  await Promise.all(Array.from({ length: workers }, worker));
  console.log(`fuzz: ${FUZZ_COUNT} messages, statuses ${JSON.stringify(statuses)}, 5xx ${fiveXX}, connection failures ${crashes}`);
  check(fiveXX === 0, `zero 5xx under fuzzing (got ${fiveXX})`);
  check(crashes === 0, `zero connection failures under fuzzing (got ${crashes})`);
  const { client } = await connect();
  await client.ping();
  check(true, 'gateway still answers ping after fuzzing');
  await client.close();
}

// ---- the trader's tools (issue 16): quote, bars, clock, working orders with cancel and replace, the chart as an image ----
const TRADER_TOOLS = ['get_quote', 'get_bars', 'get_market_clock', 'get_working_orders', 'cancel_order', 'replace_order', 'get_chart'];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function traders() {
  const { client } = await connect();
  const names = (await client.listTools()).tools.map(t => t.name);
  for (const name of TRADER_TOOLS) check(names.includes(name), `tools/list has ${name}`);
  const call = async (name, args) => client.callTool({ name, arguments: args }, undefined, { timeout: 120000 });
  const scan = await call('scan_market', { limit: 3, fresh: true });
  const symbol = scan.isError ? 'AAPL' : (scan.structuredContent.candidates[0]?.symbol ?? 'AAPL');

  const quote = await call('get_quote', { symbol });
  check(!quote.isError, `get_quote ${symbol} answers (${quote.content?.[0]?.text?.slice(0, 160)})`);
  check(quote.structuredContent?.security?.trust === 'untrusted_tool_output', 'get_quote is marked untrusted_tool_output (company name)');
  check(quote.content[0].text.startsWith('UNTRUSTED EXTERNAL CONTENT'), 'get_quote text says it is untrusted');
  const q = quote.structuredContent.data;
  check(q.symbol === symbol && typeof q.last === 'number' && q.high >= q.low, `get_quote has last, high >= low (got ${JSON.stringify(q).slice(0, 200)})`);

  const bars = await call('get_bars', { symbol, limit: 5 });
  check(!bars.isError && bars.structuredContent.count === bars.structuredContent.bars.length && bars.structuredContent.count <= 5,
    `get_bars returns at most 5 bars (got ${bars.structuredContent?.count})`);
  const lastBar = bars.structuredContent.bars.at(-1);
  check(lastBar && lastBar.close === q.last, 'get_bars\' last close is get_quote\'s last price');

  const clock = await call('get_market_clock', { days: 3 });
  check(!clock.isError && typeof clock.structuredContent.clock.is_open === 'boolean' && clock.structuredContent.calendar.length === 3,
    `get_market_clock has is_open and 3 calendar days (got ${JSON.stringify(clock.structuredContent).slice(0, 200)})`);

  const chart = await call('get_chart', { symbol });
  check(!chart.isError, `get_chart answers (${chart.content?.[0]?.text?.slice(0, 160)})`);
  const image = chart.content.find(c => c.type === 'image');
  check(image !== undefined && image.mimeType === 'image/png', 'get_chart returns image content of type image/png');
  const png = Buffer.from(image?.data ?? '', 'base64');
  check(PNG_SIGNATURE.every((b, i) => png[i] === b), 'get_chart\'s base64 decodes to a PNG');
  check(png.readUInt32BE(16) === 1000 && png.readUInt32BE(20) === 560, `the PNG is 1000x560 (IHDR ${png.readUInt32BE(16)}x${png.readUInt32BE(20)})`);
  check(chart.structuredContent.symbol === symbol && chart.structuredContent.bars > 0 && chart.structuredContent.image === undefined,
    'get_chart\'s structured summary names the symbol and bars, without the bytes');

  const unknown = await call('cancel_order', { client_order_id: 'no-such-order' });
  check(unknown.isError && unknown.content[0].text.includes('no-such-order'), `cancel_order of an unknown id is an error naming it (${unknown.content[0].text})`);
  const badReplace = await call('replace_order', { client_order_id: 'no-such-order', limit_price: 10 });
  check(badReplace.isError && badReplace.content[0].text.includes('get_working_orders'), 'replace_order of an unknown id points to get_working_orders');

  // a resting limit entry (below the market), replaced at another price, then cancelled
  const base = URL_.replace(/\/mcp$/, '');
  const limit = Math.round(q.last * 0.97 * 100) / 100;
  const placed = await fetch(`${base}/api/v1/trading/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth },
    body: JSON.stringify({ symbol, side: 'buy', quantity: 1, type: 'limit', limit_price: limit, idempotency_key: 'e2e-traders-limit' }) });
  const placedBody = await placed.json();
  check(placed.status === 200 && placedBody.client_order_id, `a limit entry rests at ${limit} (${placed.status} ${JSON.stringify(placedBody).slice(0, 200)})`);
  const working = await call('get_working_orders', {});
  check(working.structuredContent.orders.some(o => o.client_order_id === placedBody.client_order_id), 'get_working_orders lists the resting limit entry');
  const lower = Math.round(q.last * 0.96 * 100) / 100;
  const replaced = await call('replace_order', { client_order_id: placedBody.client_order_id, limit_price: lower });
  check(!replaced.isError, `replace_order answers (${replaced.content[0].text.slice(0, 200)})`);
  const fresh = replaced.structuredContent?.order;
  check(replaced.structuredContent?.canceled?.status === 'canceled', 'replace_order cancelled the old order');
  check(fresh && fresh.client_order_id !== placedBody.client_order_id && Number(fresh.limit_price ?? lower) === lower,
    `replace_order placed a new limit entry at ${lower} (${JSON.stringify(fresh).slice(0, 200)})`);
  const cancelled = await call('cancel_order', { client_order_id: fresh?.client_order_id ?? 'none' });
  check(!cancelled.isError && cancelled.structuredContent.order.status === 'canceled', 'cancel_order cancels the new order');
  const after = await call('get_working_orders', {});
  check(!after.structuredContent.orders.some(o => o.client_order_id === fresh?.client_order_id), 'the cancelled order is no longer working');
  await client.close();
}

// ---- the watchlist (issue 16): symbols every scan ranks; names and notes come back inside the untrusted envelope ----
const WATCHLIST_TOOLS = ['get_watchlist', 'add_to_watchlist', 'remove_from_watchlist'];

async function watchlist() {
  const { client } = await connect();
  const tools = (await client.listTools()).tools;
  for (const name of WATCHLIST_TOOLS) check(tools.some(t => t.name === name), `tools/list has ${name}`);
  const add = tools.find(t => t.name === 'add_to_watchlist');
  check(add?.inputSchema?.required?.includes('symbol') && add.inputSchema.properties.note?.type === 'string',
    'add_to_watchlist takes a required symbol and an optional note');
  const call = async (name, args) => client.callTool({ name, arguments: args }, undefined, { timeout: 120000 });

  // a symbol that passes the filters but misses a top of 2: the watchlist puts it in the answer anyway
  const ten = await call('scan_market', { limit: 10, fresh: true });
  check(!ten.isError && ten.structuredContent.candidates.length >= 5, `scan_market answers 10 candidates (${ten.content?.[0]?.text?.slice(0, 160)})`);
  const below = ten.structuredContent.candidates[4].symbol;
  const listedBefore = (await call('get_watchlist', {})).structuredContent.data.count;

  const added = await call('add_to_watchlist', { symbol: below.toLowerCase(), note: 'breakout watch' });
  check(!added.isError, `add_to_watchlist ${below} answers (${added.content?.[0]?.text?.slice(0, 200)})`);
  check(added.structuredContent?.security?.trust === 'untrusted_tool_output', 'add_to_watchlist is marked untrusted_tool_output (company name, note)');
  check(added.structuredContent.data.symbol === below && added.structuredContent.data.added === true
    && added.structuredContent.data.note === 'breakout watch', `add_to_watchlist added ${below} with its note`);
  const again = await call('add_to_watchlist', { symbol: below });
  check(!again.isError && again.structuredContent.data.added === false, 'adding a listed symbol again answers added=false');

  const listed = await call('get_watchlist', {});
  check(listed.content[0].text.startsWith('UNTRUSTED EXTERNAL CONTENT'), 'get_watchlist text says it is untrusted');
  const rows = listed.structuredContent.data.watchlist;
  check(listed.structuredContent.data.count === listedBefore + 1 && rows.some(r => r.symbol === below && r.note === 'breakout watch' && r.added_at),
    `get_watchlist lists ${below} with its note and date (${JSON.stringify(rows).slice(0, 200)})`);

  const two = await call('scan_market', { limit: 2, fresh: true });
  const ranked = two.structuredContent.candidates;
  const watched = ranked.find(c => c.symbol === below);
  check(watched && watched.watchlist === true && watched.rank > 2 && watched.filtered_by === undefined,
    `scan_market with limit 2 still ranks ${below}, marked watchlist, after the top (${JSON.stringify(ranked.map(c => [c.symbol, c.rank, c.watchlist]))})`);
  check(ranked.slice(0, 2).every(c => c.rank <= 2), 'the top 2 come first');

  const unknown = await call('add_to_watchlist', { symbol: 'ZZZZZZ' });
  check(unknown.isError && unknown.content[0].text.includes('ZZZZZZ') && unknown.content[0].text.includes('universe'),
    `add_to_watchlist of a symbol outside the universe is an error naming it (${unknown.content[0].text})`);
  const malformed = await call('add_to_watchlist', { symbol: 'AA$' });
  check(malformed.isError && malformed.content[0].text.includes('symbol'), `a malformed symbol is refused naming the argument (${malformed.content[0].text})`);
  const long = await call('add_to_watchlist', { symbol: below, note: 'x'.repeat(201) });
  check(long.isError && long.content[0].text.includes('note'), `a note over 200 characters is refused naming it (${long.content[0].text})`);

  const removed = await call('remove_from_watchlist', { symbol: below });
  check(!removed.isError && removed.structuredContent.removed === true && removed.structuredContent.remaining === listedBefore,
    `remove_from_watchlist removes ${below} (${removed.content?.[0]?.text?.slice(0, 160)})`);
  const gone = await call('remove_from_watchlist', { symbol: below });
  check(gone.isError && gone.content[0].text.includes(below), `removing it again is an error naming it (${gone.content[0].text})`);
  const after = await call('scan_market', { limit: 2, fresh: true });
  check(!after.structuredContent.candidates.some(c => c.symbol === below), `after the removal a top-2 scan leaves ${below} out`);
  await client.close();
}

// answer framing: a client that accepts JSON gets a request's answer as one JSON body, the TypeScript SDK client included;
// a client that accepts only SSE still gets a stream
async function jsonAnswers() {
  const seen = [];
  const recording = async (url, init) => {
    const res = await fetch(url, init);
    if ((init?.method ?? 'GET') === 'POST' && res.status === 200) seen.push(res.headers.get('content-type') ?? '');
    return res;
  };
  const client = new Client({ name: 'catalyst-e2e-json', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(URL_), { requestInit: { headers: auth }, fetch: recording });
  await client.connect(transport);
  seen.length = 0;
  const viaSdk = await client.callTool({ name: 'get_system_health', arguments: {} });
  check(!viaSdk.isError && seen.length === 1 && seen[0].startsWith('application/json'),
    `the SDK client's tools/call was answered as application/json (got ${JSON.stringify(seen)})`);
  const sid = transport.sessionId;
  const call = { jsonrpc: '2.0', id: 41, method: 'tools/call', params: { name: 'get_system_health', arguments: {} } };
  const json = await post(call, { 'Mcp-Session-Id': sid });
  const type = json.headers.get('content-type') ?? '';
  check(json.status === 200 && type.startsWith('application/json') && JSON.parse(json.text).id === 41
    && JSON.parse(json.text).result.structuredContent !== undefined, `raw tools/call → one JSON body (got ${json.status} ${type} ${json.text.slice(0, 80)})`);
  check(Number(json.headers.get('content-length')) === Buffer.byteLength(json.text), 'the JSON answer has its Content-Length');
  const sse = await post({ ...call, id: 42 }, { 'Mcp-Session-Id': sid, Accept: 'text/event-stream' });
  check(sse.status === 200 && (sse.headers.get('content-type') ?? '').startsWith('text/event-stream') && sse.text.includes('"id":42'),
    `Accept: text/event-stream only → SSE answer (got ${sse.status} ${sse.headers.get('content-type')})`);
  const onlyJson = await post({ ...call, id: 43 }, { 'Mcp-Session-Id': sid, Accept: 'application/json' });
  check(onlyJson.status === 406, `Accept: application/json only → 406 (got ${onlyJson.status})`);
  await transport.terminateSession();
  await client.close();
}

// ---- a trader's short through the tools (shorts on: McpShortIT): checked by risk, sold to open, covered ----
async function shorts() {
  const { client } = await connect();
  const tools = (await client.listTools()).tools;
  for (const name of ['check_trade_risk', 'execute_trade']) {
    const tool = tools.find(t => t.name === name);
    const side = tool?.inputSchema?.properties?.side;
    check(JSON.stringify(side?.enum) === '["long","short"]' && side?.default === 'long',
      `${name} takes side long (the default) or short (got ${JSON.stringify(side)})`);
    check(/short/.test(tool?.description ?? '') && tool.description.includes('catalyst.trading.allow-short'),
      `${name} says how a short is judged and that it needs catalyst.trading.allow-short`);
  }
  const call = async (name, args) => client.callTool({ name, arguments: args }, undefined, { timeout: 120000 });
  // a cycle today for execute_trade to attach to; room for one more position whatever the cycle opened
  const started = await call('start_trading_cycle', { mode: 'normal', run_now: true });
  check(!started.isError, `start_trading_cycle answers (${started.content?.[0]?.text?.slice(0, 160)})`);
  // no further cycle from the timer: what this phase trades is its own
  await call('stop_trading', { close_positions: false, reason: 'manual' });
  await call('update_risk_parameters', { max_open_positions: 20, reason: 'end-to-end short' });
  const held = (await call('get_positions', {})).structuredContent.positions.map(p => p.symbol);
  const working = (await call('get_working_orders', {})).structuredContent.orders.map(o => o.symbol);
  const scan = await call('scan_market', { limit: 20, fresh: true });
  const symbol = scan.structuredContent.candidates.map(c => c.symbol).find(s => !held.includes(s) && !working.includes(s) && /^[A-Z]+$/.test(s));
  check(symbol !== undefined, `a scanned symbol without a position or working order (held ${held})`);

  const checked = await call('check_trade_risk', { symbol, side: 'short' });
  const decision = checked.structuredContent?.decision;
  check(!checked.isError && decision?.side === 'short' && ['approved', 'resized'].includes(decision?.verdict),
    `check_trade_risk ${symbol} short is approved as a short (got ${checked.content?.[0]?.text?.slice(0, 300)})`);
  check(decision?.stop_price > decision?.entry_price && decision?.target_price < decision?.entry_price,
    `a short's stop is above the entry and its target below (got ${JSON.stringify(decision).slice(0, 300)})`);

  const executed = await call('execute_trade', { symbol, side: 'short' });
  const order = executed.structuredContent?.order;
  check(!executed.isError && executed.structuredContent?.decision?.side === 'short',
    `execute_trade ${symbol} short answers its short decision (got ${executed.content?.[0]?.text?.slice(0, 300)})`);
  check(order?.side === 'sell' && order?.status === 'filled', `execute_trade sold to open, filled (got ${JSON.stringify(order).slice(0, 300)})`);
  const position = (await call('get_positions', {})).structuredContent.positions.find(p => p.symbol === symbol);
  check(position?.side === 'short' && position.quantity === executed.structuredContent.decision.approved_quantity,
    `get_positions holds ${symbol} short, the quantity risk approved (got ${JSON.stringify(position)})`);
  const entry = (await call('get_orders', { limit: 20 })).structuredContent.orders.find(o => o.client_order_id === order?.client_order_id);
  check(entry?.order_class === 'bracket' && entry.stop_price > entry.filled_avg_price && entry.take_profit_price < entry.filled_avg_price,
    `the short's bracket is inverted: stop above the fill, target below (got ${JSON.stringify(entry).slice(0, 300)})`);
  // a second short entry is refused: by the one-entry-a-cycle rule (its id ends -sell) or, once the timer has run
  // another cycle, by risk's one position a symbol
  const again = await call('execute_trade', { symbol, side: 'short' });
  const refusal = again.content?.[0]?.text ?? '';
  check(again.isError && (refusal.includes(`${symbol}-sell`) || refusal.includes(`a position in ${symbol} is already open`)),
    `a second short entry in ${symbol} is refused (${refusal.slice(0, 200)})`);

  const closed = await call('close_position', { symbol });
  check(!closed.isError && closed.structuredContent.order?.side === 'buy', `close_position covers the short with a buy (got ${closed.content?.[0]?.text?.slice(0, 300)})`);

  // a short's limit entry resting above the market (POST /api/v1/trading/orders, side short), replaced by a short
  const quote = (await call('get_quote', { symbol })).structuredContent.data;
  const base = URL_.replace(/\/mcp$/, '');
  const above = Math.round(quote.last * 1.03 * 100) / 100;
  const placed = await fetch(`${base}/api/v1/trading/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth },
    body: JSON.stringify({ symbol, side: 'short', quantity: 2, type: 'limit', limit_price: above, idempotency_key: 'e2e-short-limit' }) });
  const resting = await placed.json();
  check(placed.status === 200 && resting.side === 'sell' && resting.order_type === 'limit' && resting.status !== 'filled',
    `a short's sell limit rests at ${above} (${placed.status} ${JSON.stringify(resting).slice(0, 200)})`);
  const higher = Math.round(quote.last * 1.04 * 100) / 100;
  const replaced = await call('replace_order', { client_order_id: resting.client_order_id, limit_price: higher });
  const fresh = replaced.structuredContent?.order;
  check(!replaced.isError && replaced.structuredContent.canceled?.status === 'canceled' && fresh?.side === 'sell'
    && fresh.client_order_id !== resting.client_order_id,
    `replace_order replaces the short's limit entry with another sell to open (${replaced.content?.[0]?.text?.slice(0, 300)})`);
  const cancelled = await call('cancel_order', { client_order_id: fresh?.client_order_id ?? 'none' });
  check(!cancelled.isError && cancelled.structuredContent.order.status === 'canceled', 'cancel_order cancels the replacement');
  await client.close();
}

const phase = process.argv[2] ?? 'all';
try {
  if (phase === 'functional' || phase === 'all') await functional();
  if (phase === 'json' || phase === 'all') await jsonAnswers();
  if (phase === 'ratelimit') await ratelimit();
  if (phase === 'traders') await traders();
  if (phase === 'watchlist') await watchlist();
  if (phase === 'shorts') await shorts();
  if (phase === 'fuzz' || phase === 'all') await fuzz();
} catch (e) {
  check(false, `phase ${phase} ran to the end (threw ${e.stack ?? e})`);
}
console.log(`${phase}: ${checks - failures.length}/${checks} checks passed`);
process.exit(failures.length === 0 ? 0 : 1);
