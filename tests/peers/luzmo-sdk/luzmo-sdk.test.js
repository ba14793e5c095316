// Peer test: the official Luzmo Node SDK (@luzmo/nodejs-sdk from npm) as a client of
// `chartroom-cli serve`, plus validation of every line-chart item against the line-chart JSON
// Schemas shipped in @luzmo/dashboard-contents-types. Run with `node --test` (CTest does).
// Needs CHARTROOM_CLI = path of the chartroom-cli binary.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// The npm packages come from `npm ci` here (scripts/install-peers.sh): fail clearly without them.
function requirePackage(name) {
    try {
        return require(name);
    } catch (e) {
        if (e.code !== 'MODULE_NOT_FOUND')
            throw e;
        throw new Error(`the npm package ${name} is not installed in ${__dirname}/node_modules: ` +
            `run scripts/install-peers.sh (npm ci in tests/peers/luzmo-sdk). ${e.message}`);
    }
}
const Luzmo = requirePackage('@luzmo/nodejs-sdk');
const Ajv = requirePackage('ajv');
const addFormats = requirePackage('ajv-formats');
requirePackage('@luzmo/dashboard-contents-types/assets/json-schemas/line-chart.schema.json');

const KEY = 'peer-key-0123';
const TOKEN = 'peer-token-4567';
const READY_TIMEOUT_MS = 20000;
const WATCHDOG_MS = 55000; // the whole file, server included, must be done before this
const QUESTION = 'Show monthly revenue as a line chart';

let server = null; // the chartroom-cli child process
let serverLog = '';
let port = 0;
let dataDir = '';
let client = null;
let watchdog = null;

// ---------------------------------------------------------------- line-chart schema (ajv)

const schemaBase = '@luzmo/dashboard-contents-types/assets/json-schemas/';
const loadSchema = (name) => {
    const m = require(schemaBase + name);
    return m.default || m;
};
const ajv = new Ajv({ strict: false, allErrors: true, verbose: true });
addFormats(ajv);
ajv.addSchema(loadSchema('line-chart-options.schema.json'));
ajv.addSchema(loadSchema('line-chart-slots.schema.json'));
const validateLineChart = ajv.compile(loadSchema('line-chart.schema.json'));

let validatedItems = 0;
// Asserts that `item` is a line-chart item valid against Luzmo's JSON Schemas and that its slots
// name columns of `dataset` (when given). `where` says which response it came from.
function assertLineChart(item, where, dataset) {
    assert.ok(item && typeof item === 'object', `${where}: the asset value is not an object`);
    if (!validateLineChart(item)) {
        const details = validateLineChart.errors
            .map((e) => `  ${e.instancePath || '/'} ${e.message}` +
                ` (schema ${e.schemaPath}; params ${JSON.stringify(e.params)};` +
                ` value ${JSON.stringify(e.data)})`)
            .join('\n');
        assert.fail(`${where}: the item is not valid against Luzmo's line-chart JSON Schema ` +
            `(${validateLineChart.errors.length} errors):\n${details}\n` +
            `item: ${JSON.stringify(item, null, 1)}`);
    }
    // The schema's top level constrains but does not require fields: check the essentials too.
    assert.equal(item.type, 'line-chart', `${where}: item type`);
    assert.ok(Array.isArray(item.slots), `${where}: slots must be an array`);
    const slot = (name) => item.slots.find((s) => s.name === name);
    const measure = slot('measure');
    assert.ok(measure && measure.content.length >= 1, `${where}: no measure in the slots`);
    const xAxis = slot('x-axis');
    assert.ok(xAxis && xAxis.content.length === 1, `${where}: the x-axis slot needs one column`);
    if (dataset) {
        const ids = new Set(dataset.columns.map((c) => c.id));
        for (const s of item.slots) {
            for (const c of s.content) {
                assert.equal(c.datasetId, dataset.id, `${where}: slot ${s.name} dataset id`);
                // An ad-hoc formula names its columns as {dataset:column} references.
                const columns = c.formula
                    ? [...c.formula.matchAll(/\{([^:}]+):([^}]+)\}/g)].map((m) => {
                        assert.equal(m[1], dataset.id, `${where}: formula dataset id`);
                        return m[2];
                    })
                    : [c.columnId];
                assert.ok(columns.length > 0, `${where}: formula ${c.formula} names no column`);
                for (const id of columns)
                    assert.ok(ids.has(id),
                        `${where}: slot ${s.name} names column ${id}, not in the dataset`);
            }
        }
    }
    validatedItems += 1;
}

// ---------------------------------------------------------------- server lifecycle

function killServer() {
    if (server && server.exitCode === null && server.signalCode === null) {
        try {
            server.kill('SIGKILL');
        } catch (_) {
            // already gone
        }
    }
}
process.on('exit', killServer);
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        killServer();
        process.exit(1);
    });
}

function startServer() {
    const cli = process.env.CHARTROOM_CLI;
    assert.ok(cli, 'CHARTROOM_CLI is not set: it must name the chartroom-cli binary');
    assert.ok(fs.existsSync(cli), `CHARTROOM_CLI=${cli} does not exist`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartroom-peer-'));
    server = spawn(cli, ['serve', '--port', '0', '--key', KEY, '--token', TOKEN,
        '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            killServer();
            reject(new Error(`chartroom-cli serve did not print "listening on" within ` +
                `${READY_TIMEOUT_MS / 1000} s; output:\n${serverLog}`));
        }, READY_TIMEOUT_MS);
        const onData = (chunk) => {
            serverLog += chunk.toString();
            const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(serverLog);
            if (m && !port) {
                port = Number(m[1]);
                clearTimeout(timer);
                resolve();
            }
        };
        server.stdout.on('data', onData);
        server.stderr.on('data', onData);
        server.on('error', (e) => {
            clearTimeout(timer);
            reject(new Error(`cannot start ${cli}: ${e.message}`));
        });
        server.on('exit', (code, signal) => {
            if (!port) {
                clearTimeout(timer);
                reject(new Error(`chartroom-cli serve exited (code ${code}, signal ${signal}) ` +
                    `before listening; output:\n${serverLog}`));
            }
        });
    });
}

async function stopServer() {
    if (!server || server.exitCode !== null || server.signalCode !== null)
        return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise((resolve) => setTimeout(() => resolve(true), 5000).unref()),
    ]);
    if (timedOut) {
        killServer();
        throw new Error('chartroom-cli serve did not exit within 5 s of SIGTERM');
    }
}

before(async () => {
    watchdog = setTimeout(() => {
        process.stderr.write(`peer test watchdog: still running after ${WATCHDOG_MS / 1000} s; ` +
            `killing the server\nserver output:\n${serverLog}\n`);
        killServer();
        process.exit(1);
    }, WATCHDOG_MS);
    watchdog.unref();
    await startServer();
    // The SDK builds `${host}:${port}/${api_version}/${resource}`.
    client = new Luzmo({ api_key: KEY, api_token: TOKEN, host: 'http://127.0.0.1',
        port: String(port), api_version: '0.1.0' });
});

after(async () => {
    try {
        await stopServer();
    } finally {
        killServer();
        clearTimeout(watchdog);
        if (dataDir)
            fs.rmSync(dataDir, { recursive: true, force: true });
    }
});

// ---------------------------------------------------------------- helpers

// The SDK rejects with the parsed JSON error body (not an Error): make it readable in failures.
async function sdk(promise, what) {
    try {
        return await promise;
    } catch (e) {
        const text = e instanceof Error ? e.stack
            : Buffer.isBuffer(e) ? e.toString() : JSON.stringify(e);
        throw new Error(`${what} was rejected: ${text}`);
    }
}

const messageFields = ['id', 'conversation_id', 'message', 'role', 'agent', 'task', 'locale_id',
    'created_at', 'updated_at', 'aiMessageAssets'];

function assertMessage(m, role, where) {
    assert.ok(m && typeof m === 'object', `${where}: no message`);
    for (const f of messageFields)
        assert.ok(f in m, `${where}: the message has no "${f}" (has ${Object.keys(m)})`);
    assert.equal(m.role, role, `${where}: role`);
    assert.ok(Array.isArray(m.aiMessageAssets), `${where}: aiMessageAssets is not an array`);
}

// Parses an SSE body (a complete string) into its data payloads, in order.
function sseData(text) {
    const out = [];
    for (const frame of text.split(/\r?\n\r?\n/)) {
        const lines = frame.split(/\r?\n/).filter((l) => l.startsWith('data:'));
        if (lines.length)
            out.push(lines.map((l) => l.slice(5).replace(/^ /, '')).join('\n'));
    }
    return out;
}

// Checks the documented event order and returns { events, items } (items rebuilt from deltas).
function checkEventOrder(payloads, where) {
    assert.ok(payloads.length > 0, `${where}: no SSE frames`);
    assert.equal(payloads[payloads.length - 1], '[DONE]', `${where}: the stream must end with [DONE]`);
    const events = payloads.slice(0, -1).map((p, i) => {
        try {
            return JSON.parse(p);
        } catch (e) {
            throw new Error(`${where}: frame ${i} is not JSON: ${p}`);
        }
    });
    const types = events.map((e) => e.type);
    // start, progress*, (text_start text_delta+ text_end)+, (asset_start asset_delta+ asset_end)*,
    // error?, finish
    const sequence = types.map((t) => ({
        start: 'S', progress: 'p', text_start: 'T', text_delta: 't', text_end: 'E',
        asset_start: 'A', asset_delta: 'a', asset_end: 'Z', error: 'x', finish: 'F',
    })[t] || '?').join('');
    assert.match(sequence, /^Sp*(Tt+E)+(Aa+Z)*x?F$/,
        `${where}: event order is wrong: ${types.join(', ')}`);
    assert.ok(types.includes('progress'), `${where}: no progress events`);
    assert.ok(types.filter((t) => t === 'text_delta').length >= 2,
        `${where}: the text should arrive in several deltas`);
    const ctx = events[1];
    for (const e of events.slice(1)) {
        for (const f of ['conversation_id', 'user_message_id', 'assistant_message_id']) {
            assert.ok(typeof e[f] === 'string' && e[f].length > 0,
                `${where}: the ${e.type} event has no ${f}`);
            assert.equal(e[f], ctx[f], `${where}: ${f} changes between events`);
        }
    }
    const finish = events[events.length - 1];
    assert.ok(finish.result, `${where}: finish has no result`);
    const text = events.filter((e) => e.type === 'text_delta').map((e) => e.delta ?? e.text).join('');
    const items = [];
    for (const e of events) {
        if (e.type === 'asset_start')
            items[e.index] = '';
        else if (e.type === 'asset_delta')
            items[e.index] += e.delta ?? e.text;
    }
    return { events, finish, text, items: items.map((s) => JSON.parse(s)) };
}

// ---------------------------------------------------------------- the tests

let salesDataset = null;
let conversationId = '';
let firstAnswer = null;

test('dataset get: the sample "Sales" dataset with its columns', async () => {
    const res = await sdk(client.get('dataset', {}), 'get dataset');
    assert.ok(res.count >= 1 && Array.isArray(res.rows), `unexpected answer ${JSON.stringify(res)}`);
    salesDataset = res.rows.find((d) => d.name && d.name.en === 'Sales');
    assert.ok(salesDataset, `no "Sales" dataset in ${JSON.stringify(res.rows.map((d) => d.name))}`);
    assert.ok(Array.isArray(salesDataset.columns) && salesDataset.columns.length >= 3);
    for (const c of salesDataset.columns) {
        assert.ok(c.id && c.name && typeof c.name.en === 'string', `column ${JSON.stringify(c)}`);
        assert.ok(['datetime', 'numeric', 'hierarchy'].includes(c.type),
            `column ${c.name.en} has type ${c.type}`);
    }
    assert.ok(salesDataset.columns.some((c) => c.type === 'datetime'), 'no datetime column');
    assert.ok(salesDataset.columns.some((c) => /revenue/i.test(c.name.en) && c.type === 'numeric'),
        'no numeric revenue column');
});

test('data get: monthly revenue for the sample, 36 rows for 2022-2024', async () => {
    const date = salesDataset.columns.find((c) => c.type === 'datetime');
    const revenue = salesDataset.columns.find((c) => /revenue/i.test(c.name.en));
    const query = {
        queries: [{
            dimensions: [{ column_id: date.id, dataset_id: salesDataset.id, level: 3 }],
            measures: [{ column_id: revenue.id, dataset_id: salesDataset.id,
                aggregation: { type: 'sum' } }],
            order: [{ column_id: date.id, dataset_id: salesDataset.id, order: 'asc' }],
        }],
    };
    const res = await sdk(client.query(query), 'query data');
    assert.ok(Array.isArray(res.data), `no data array in ${JSON.stringify(res).slice(0, 300)}`);
    assert.equal(res.data.length, 36, `expected 36 monthly rows, got ${res.data.length}`);
    const first = String(res.data[0][0]);
    const last = String(res.data[35][0]);
    assert.match(first, /^2022-01/, `first month ${first}`);
    assert.match(last, /^2024-12/, `last month ${last}`);
    for (const row of res.data)
        assert.ok(typeof row[1] === 'number' && row[1] > 0, `revenue ${JSON.stringify(row)}`);
    // The SDK's get('data') is the same call.
    const again = await sdk(client.get('data', query), 'get data');
    assert.deepEqual(again, res);
});

test('aiprompt create (item/generate, JSON): a conversation and a line-chart asset', async () => {
    // The properties as Luzmo documents them (createAIPrompt; luzmo-official/agent-skills).
    const res = await sdk(client.create('aiprompt', {
        agent: 'item', task: 'generate', stream: false, locale_id: 'en',
        timezone_id: 'Europe/Brussels', text_format: 'markdown', response_mode: 'mixed',
        input: [{ type: 'text', text: QUESTION }],
    }), 'create aiprompt');
    assert.ok(typeof res.conversation_id === 'string' && res.conversation_id.length > 0,
        `no conversation_id in ${JSON.stringify(res).slice(0, 300)}`);
    conversationId = res.conversation_id;
    assertMessage(res.user_message, 'user', 'user_message');
    assertMessage(res.assistant_message, 'assistant', 'assistant_message');
    assert.equal(res.user_message.message, QUESTION);
    assert.equal(res.user_message.conversation_id, conversationId);
    assert.equal(res.assistant_message.conversation_id, conversationId);
    assert.ok(res.assistant_message.message.length > 0, 'the assistant message has no text');
    const assets = res.assistant_message.aiMessageAssets;
    assert.equal(assets.length, 1, `expected one asset, got ${assets.length}`);
    assert.equal(assets[0].type, 'item');
    assert.equal(assets[0].message_id, res.assistant_message.id);
    assertLineChart(assets[0].value, 'generate asset', salesDataset);
    firstAnswer = res;
});

test('aiprompt create with conversation_id: a follow-up in the same conversation', async () => {
    const res = await sdk(client.create('aiprompt', {
        agent: 'item', task: 'generate', stream: false, conversation_id: conversationId,
        input: [{ type: 'text', text: 'weekly units by region in 2024' }],
    }), 'create follow-up aiprompt');
    assert.equal(res.conversation_id, conversationId);
    assertMessage(res.user_message, 'user', 'follow-up user_message');
    assertMessage(res.assistant_message, 'assistant', 'follow-up assistant_message');
    assert.equal(res.user_message.conversation_id, conversationId);
    for (const a of res.assistant_message.aiMessageAssets)
        assertLineChart(a.value, 'follow-up asset', salesDataset);
});

test('aiconversation get with include AIMessage > AIMessageAsset: 4 messages in order', async () => {
    const res = await sdk(client.get('aiconversation', {
        where: { id: conversationId },
        include: [{ model: 'AIMessage', include: [{ model: 'AIMessageAsset' }] }],
    }), 'get aiconversation');
    assert.equal(res.count, 1, `count ${res.count}`);
    assert.equal(res.rows.length, 1);
    const conv = res.rows[0];
    for (const f of ['id', 'title', 'created_at', 'updated_at'])
        assert.ok(f in conv, `the conversation has no ${f}`);
    assert.equal(conv.id, conversationId);
    assert.ok(Array.isArray(conv.aiMessages), 'no aiMessages in the conversation');
    assert.deepEqual(conv.aiMessages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
    const times = conv.aiMessages.map((m) => Date.parse(m.created_at));
    assert.ok(times.every((t, i) => !Number.isNaN(t) && (i === 0 || t >= times[i - 1])),
        `messages are not in created_at order: ${conv.aiMessages.map((m) => m.created_at)}`);
    assert.equal(conv.aiMessages[0].message, QUESTION);
    assert.equal(conv.aiMessages[0].id, firstAnswer.user_message.id);
    assert.equal(conv.aiMessages[1].id, firstAnswer.assistant_message.id);
    const nested = conv.aiMessages[1].aiMessageAssets;
    assert.ok(Array.isArray(nested) && nested.length === 1, 'the assets are not nested');
    assert.deepEqual(nested[0].value, firstAnswer.assistant_message.aiMessageAssets[0].value);
    for (const m of conv.aiMessages)
        for (const a of m.aiMessageAssets)
            if (a.value && a.value.type === 'line-chart')
                assertLineChart(a.value, `conversation asset ${a.id}`, salesDataset);

    // Without include: no messages.
    const bare = await sdk(client.get('aiconversation', { where: { id: conversationId } }),
        'get aiconversation without include');
    assert.equal(bare.count, 1);
    assert.ok(!('aiMessages' in bare.rows[0]) || bare.rows[0].aiMessages === undefined,
        'aiMessages returned without include');
});

test('aimessage get with where/order/limit/attributes', async () => {
    const res = await sdk(client.get('aimessage', {
        where: { role: 'assistant' }, order: [['created_at', 'desc']], limit: 1,
        attributes: ['id', 'role', 'message'],
    }), 'get aimessage');
    assert.equal(res.rows.length, 1);
    assert.ok(res.count >= 2, `count should be the number of matches (2), got ${res.count}`);
    assert.deepEqual(Object.keys(res.rows[0]).sort(), ['id', 'message', 'role']);
    assert.equal(res.rows[0].role, 'assistant');

    const withAssets = await sdk(client.get('aimessage', {
        where: { conversation_id: conversationId },
        include: [{ model: 'AIMessageAsset' }], order: [['created_at', 'asc']],
    }), 'get aimessage with include');
    assert.equal(withAssets.count, 4);
    assert.deepEqual(withAssets.rows.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
    assert.equal(withAssets.rows[1].aiMessageAssets.length, 1);
    assertLineChart(withAssets.rows[1].aiMessageAssets[0].value, 'aimessage asset', salesDataset);

    const offset = await sdk(client.get('aimessage', {
        where: { conversation_id: conversationId }, order: [['created_at', 'asc']],
        limit: 2, offset: 2,
    }), 'get aimessage with offset');
    assert.deepEqual(offset.rows.map((m) => m.id), withAssets.rows.slice(2).map((m) => m.id));
});

test('aiprompt create (item/suggest): every suggested chart is a valid line chart', async () => {
    const res = await sdk(client.create('aiprompt', {
        agent: 'item', task: 'suggest', stream: false,
        input: [{ type: 'text', text: 'Suggest charts for the sales data' }],
    }), 'create aiprompt suggest');
    const assets = res.assistant_message.aiMessageAssets;
    assert.ok(assets.length >= 2, `suggest should return several charts, got ${assets.length}`);
    assets.forEach((a, i) => {
        assert.equal(a.type, 'item');
        assertLineChart(a.value, `suggest asset ${i}`, salesDataset);
    });
});

test('aiprompt create response_mode: text has no asset, asset has the item and one line', async () => {
    const text = await sdk(client.create('aiprompt', {
        agent: 'item', task: 'generate', stream: false, response_mode: 'text',
        input: [{ type: 'text', text: QUESTION }],
    }), 'create aiprompt response_mode text');
    assert.equal(text.assistant_message.aiMessageAssets.length, 0, 'response_mode text has an asset');
    assert.ok(text.assistant_message.message.length > 0, 'response_mode text has no text');

    const mixed = await sdk(client.create('aiprompt', {
        agent: 'item', task: 'generate', stream: false, response_mode: 'mixed',
        input: [{ type: 'text', text: QUESTION }],
    }), 'create aiprompt response_mode mixed');
    assert.equal(mixed.assistant_message.aiMessageAssets.length, 1);

    const asset = await sdk(client.create('aiprompt', {
        agent: 'item', task: 'generate', stream: false, response_mode: 'asset',
        input: [{ type: 'text', text: QUESTION }],
    }), 'create aiprompt response_mode asset');
    assert.equal(asset.assistant_message.aiMessageAssets.length, 1, 'response_mode asset has no asset');
    assertLineChart(asset.assistant_message.aiMessageAssets[0].value, 'response_mode asset', salesDataset);
    const line = asset.assistant_message.message;
    assert.ok(line.length > 0 && !line.includes('\n'), `not one line of text: ${JSON.stringify(line)}`);
    // The one line is the first line of the mixed answer (the same question, the same data).
    assert.equal(line, mixed.assistant_message.message.trim().split('\n')[0].trim());
});

test('aiprompt create: the older `inputs` array and a top-level `text` are tolerated', async () => {
    const older = await sdk(client.create('aiprompt', {
        agent: 'item', task: 'generate', stream: false,
        inputs: [{ type: 'text', text: QUESTION }],
    }), 'create aiprompt with inputs');
    assert.equal(older.user_message.message, QUESTION);
    const bare = await sdk(client.create('aiprompt', {
        agent: 'item', task: 'generate', stream: false, text: QUESTION,
    }), 'create aiprompt with text');
    assert.equal(bare.user_message.message, QUESTION);
    // No text at all: exactly one text input is required (a readable 400).
    await assert.rejects(client.create('aiprompt', { agent: 'item', task: 'generate', input: [] }),
        (e) => e.type && e.type.code === 400 && /text input/.test(e.message));
});

test('aimessageasset get: the stored assets by message, with attributes', async () => {
    const assetId = firstAnswer.assistant_message.aiMessageAssets[0].id;
    const res = await sdk(client.get('aimessageasset', {
        where: { message_id: firstAnswer.assistant_message.id },
    }), 'get aimessageasset');
    assert.equal(res.count, 1, `count ${res.count}`);
    const row = res.rows[0];
    for (const f of ['id', 'message_id', 'type', 'value', 'created_at', 'updated_at'])
        assert.ok(f in row, `the asset has no ${f}`);
    assert.equal(row.id, assetId);
    assert.equal(row.type, 'item');
    assert.deepEqual(row.value, firstAnswer.assistant_message.aiMessageAssets[0].value);
    const picked = await sdk(client.get('aimessageasset', {
        where: { id: assetId }, attributes: ['id', 'type'],
    }), 'get aimessageasset with attributes');
    assert.deepEqual(picked.rows, [{ id: assetId, type: 'item' }]);
    const none = await sdk(client.get('aimessageasset', { where: { id: 'no-such-asset' } }),
        'get aimessageasset none');
    assert.equal(none.count, 0);
});

test('wrong token: the SDK rejects with a readable 401 error', async () => {
    const bad = new Luzmo({ api_key: KEY, api_token: 'wrong-token', host: 'http://127.0.0.1',
        port: String(port) });
    let error = null;
    try {
        await bad.get('aiconversation', {});
    } catch (e) {
        error = e;
    }
    assert.ok(error, 'a wrong token was accepted');
    // The SDK throws the parsed JSON error body: Luzmo's {type: {code, description}, message}.
    assert.ok(!(error instanceof Error) && !Buffer.isBuffer(error),
        `expected the parsed JSON error body, got ${error && error.stack ? error.stack : error}`);
    assert.equal(error.type && error.type.code, 401, `error ${JSON.stringify(error)}`);
    assert.equal(typeof error.message, 'string');
    assert.ok(error.message.length > 5 && !/object Object/.test(error.message),
        `unreadable message ${JSON.stringify(error.message)}`);
    await assert.rejects(bad.create('aiprompt', { agent: 'item', task: 'generate',
        input: [{ type: 'text', text: QUESTION }] }), (e) => e.type.code === 401);
});

test('aiprompt create stream:true over raw fetch: SSE frames in the documented order', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/0.1.0/aiprompt`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'create', key: KEY, token: TOKEN, version: '0.1.0',
            properties: { agent: 'item', task: 'generate', stream: true,
                input: [{ type: 'text', text: QUESTION }] } }),
        signal: AbortSignal.timeout(15000),
    });
    assert.equal(response.status, 200);
    // Seed 000: "Content-Type: text/event-stream; charset=utf-8, Cache-Control: no-cache, no-transform"
    assert.match(response.headers.get('content-type') || '', /^text\/event-stream;\s*charset=utf-8$/i);
    assert.match(response.headers.get('cache-control') || '', /^no-cache,\s*no-transform$/);
    let body = '';
    let chunks = 0;
    const decoder = new TextDecoder();
    for await (const chunk of response.body) {
        body += decoder.decode(chunk, { stream: true });
        chunks += 1;
    }
    body += decoder.decode();
    assert.ok(chunks > 1, `the answer arrived in ${chunks} chunk: it is not streamed`);
    const { finish, text, items } = checkEventOrder(sseData(body), 'raw SSE');
    const result = finish.result;
    assert.equal(text, result.assistant_message.message, 'text deltas differ from the message');
    const assets = result.assistant_message.aiMessageAssets;
    assert.equal(items.length, assets.length, 'asset count differs between deltas and finish');
    assert.equal(items.length, 1);
    items.forEach((item, i) => {
        assert.deepEqual(item, assets[i].value, `asset ${i}: deltas differ from finish.result`);
        assertLineChart(item, `streamed asset ${i}`, salesDataset);
    });
    // Persisted like the JSON answer.
    const stored = await sdk(client.get('aimessage', {
        where: { id: result.assistant_message.id }, include: [{ model: 'AIMessageAsset' }],
    }), 'get streamed message');
    assert.equal(stored.count, 1);
    assert.deepEqual(stored.rows[0].aiMessageAssets[0].value, items[0]);
});

test('aiprompt create stream:true through the SDK: the SSE body comes back whole', async () => {
    // The SDK has no streaming support: it buffers the response and returns a non-JSON body as a
    // Buffer. It still works as a client of the streaming answer.
    const raw = await sdk(client.create('aiprompt', {
        agent: 'item', task: 'generate', stream: true, conversation_id: conversationId,
        input: [{ type: 'text', text: 'average revenue per quarter for EMEA' }],
    }), 'create streaming aiprompt through the SDK');
    assert.ok(Buffer.isBuffer(raw), `expected a Buffer, got ${typeof raw}`);
    const { finish, items } = checkEventOrder(sseData(raw.toString('utf8')), 'SDK SSE');
    assert.equal(finish.result.conversation_id, conversationId);
    items.forEach((item, i) => assertLineChart(item, `SDK streamed asset ${i}`, salesDataset));
});

test('a margin chart is one formula series, and data get computes it from the totals', async () => {
    const res = await sdk(client.create('aiprompt', {
        agent: 'item', task: 'generate', stream: false,
        input: [{ type: 'text', text: 'monthly margin in 2023' }],
    }), 'create margin aiprompt');
    const item = res.assistant_message.aiMessageAssets[0].value;
    assertLineChart(item, 'margin item', salesDataset);
    const measures = item.slots.find((s) => s.name === 'measure').content;
    assert.equal(measures.length, 1, 'margin is one series, not revenue and cost');
    assert.ok(measures[0].formula, `no formula in ${JSON.stringify(measures[0])}`);

    // The formula's value per month, against revenue and cost summed by the same server and
    // combined here.
    const date = salesDataset.columns.find((c) => c.type === 'datetime');
    const column = (name) => salesDataset.columns.find((c) => c.name.en === name);
    const dimension = { column_id: date.id, dataset_id: salesDataset.id, level: 3 };
    const where = [
        { expression: '? >= ?', parameters: [{ column_id: date.id, dataset_id: salesDataset.id },
            '2023-01-01T00:00:00.000Z'] },
        { expression: '? < ?', parameters: [{ column_id: date.id, dataset_id: salesDataset.id },
            '2024-01-01T00:00:00.000Z'] },
    ];
    const formula = await sdk(client.get('data', { queries: [{ dimensions: [dimension],
        measures: [{ formula: measures[0].formula, dataset_id: salesDataset.id }], where }] }),
    'get formula data');
    const sums = await sdk(client.get('data', { queries: [{ dimensions: [dimension],
        measures: ['Revenue', 'Cost'].map((n) => ({ column_id: column(n).id,
            dataset_id: salesDataset.id, aggregation: { type: 'sum' } })), where }] }),
    'get revenue and cost');
    assert.equal(formula.data.length, 12);
    assert.equal(sums.data.length, 12);
    formula.data.forEach((row, i) => {
        const [month, revenue, cost] = sums.data[i];
        assert.equal(row[0], month);
        assert.ok(Math.abs(row[1] - (revenue - cost) / revenue) < 1e-12,
            `${month}: margin ${row[1]}, from the sums ${(revenue - cost) / revenue}`);
    });

    // A formula the server cannot read is refused in words.
    await assert.rejects(client.get('data', { queries: [{ dimensions: [dimension],
        measures: [{ formula: 'MEDIAN({x:y})', dataset_id: salesDataset.id }] }] }),
    (e) => /MEDIAN/.test(JSON.stringify(e)));
});

test('every line-chart item seen was validated against the JSON Schema', () => {
    assert.ok(validatedItems >= 5, `only ${validatedItems} items validated`);
});
