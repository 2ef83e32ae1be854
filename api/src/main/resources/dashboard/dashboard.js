// The bftswarm web dashboard: reads the node's HTTP API, follows its event stream, and redraws
// what an event touches (no reload). Everything is plain DOM; nothing is fetched from outside the node.
'use strict';

const PAGE_SIZE = 25;
const CHART_BUCKET_MS = 10_000;
const CHART_SPAN_MS = 5 * 60_000;
const TOKEN_KEY = 'bftswarm.apiToken';

const view = {
  cluster: null,
  nodes: [],
  jobs: [],
  page: 0,
  filter: '',
  detailJob: null,
  finishedAt: [],   // times (ms) of task results seen on the event stream
  powerSamples: [], // [time ms, cluster watts]
  energy: null,
  eventCount: 0,
};

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** Calls the API; a refusal becomes an Error whose message is the API's own detail. */
async function api(path, options = {}) {
  const response = await fetch(path, options);
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = text; }
  if (!response.ok && response.status !== 202 && response.status !== 206) {
    const detail = body && body.detail ? body.detail : (typeof body === 'string' ? body : response.statusText);
    throw new Error(`${response.status} ${body && body.error ? body.error + ': ' : ''}${detail}`);
  }
  return body;
}

function token() {
  return document.querySelector('input[name=token]').value.trim();
}

function authHeaders() {
  const t = token();
  return t ? { Authorization: `Bearer ${t}` } : {};
}

function say(text, kind) {
  const m = $('#message');
  m.textContent = text;
  m.className = kind || '';
}

function age(ms) {
  if (ms == null) return '–';
  const s = Math.max(0, (Date.now() - ms) / 1000);
  if (s < 60) return `${s.toFixed(0)} s ago`;
  if (s < 3600) return `${(s / 60).toFixed(0)} min ago`;
  return `${(s / 3600).toFixed(1)} h ago`;
}

// ---- cluster header -------------------------------------------------------------------------------

let lastExecuted = null;
let lastExecutedAt = null;
let orderingRate = 0;

function renderCluster() {
  const c = view.cluster;
  if (!c) return;
  const now = Date.now();
  if (lastExecuted != null && now > lastExecutedAt) {
    const rate = (c.lastExecuted - lastExecuted) * 1000 / (now - lastExecutedAt);
    orderingRate = 0.5 * orderingRate + 0.5 * Math.max(0, rate);
  }
  lastExecuted = c.lastExecuted;
  lastExecutedAt = now;
  const box = $('#cluster');
  box.replaceChildren(
    el('span', {}, el('b', { text: 'n' }), ' ', c.n),
    el('span', {}, el('b', { text: 'f' }), ' ', c.f),
    el('span', {}, el('b', { text: 'view' }), ' ', c.view),
    el('span', {}, el('b', { text: 'primary' }), ` node ${c.primary}`),
    el('span', {}, el('b', { text: 'executed' }), ' ', c.lastExecuted),
    el('span', {}, el('b', { text: 'stable checkpoint' }), ' ', c.stableCheckpoint),
    el('span', {}, el('b', { text: 'ordering' }), ` ${orderingRate.toFixed(1)} seq/s`),
    el('span', { class: 'muted' }, `answered by node ${c.nodeId}`));
}

// ---- nodes ----------------------------------------------------------------------------------------

function renderNodes() {
  const body = $('#nodes tbody');
  body.replaceChildren(...view.nodes.map((n) => {
    const k = n.counters || {};
    const g = n.gossip;
    const gossip = !g || !g.intervalMs ? '–' : g.mode ? `${g.mode}, ${g.intervalMs} ms` : `every ${g.intervalMs} ms`;
    return el('tr', { 'data-node': n.id },
      el('td', {}, `node ${n.id}`),
      el('td', { class: `state ${n.state}`, 'data-testid': `node-state-${n.id}` }, n.state),
      el('td', { title: `heartbeat #${k.heartbeat_seq ?? '–'}` },
        g && g.heartbeatAt ? `${(Math.max(0, Date.now() - g.heartbeatAt) / 1000).toFixed(1)} s ago` : '–'),
      el('td', { title: n.gossip && n.gossip.reason ? n.gossip.reason : '' }, gossip),
      el('td', {}, k.running_tasks ?? 0),
      el('td', {}, `${fmt(n.usage.cpus)} / ${fmt(n.capacity.cpus)}`),
      el('td', {}, `${n.usage.memoryMb} / ${n.capacity.memoryMb} MB`),
      el('td', {}, k.tasks_succeeded ?? 0),
      el('td', {}, k.tasks_failed ?? 0),
      el('td', { class: n.disputedResults ? 'bad' : '' }, n.disputedResults ?? 0),
      el('td', { 'data-testid': `node-power-${n.id}` }, powerOf(n.id)));
  }));
}

function powerOf(id) {
  const e = view.energy && view.energy.nodes.find((x) => x.id === id);
  return e && e.source !== 'unknown' ? `${e.powerWatts.toFixed(2)} W` : '–';
}

function renderEnergy() {
  const e = view.energy;
  if (!e) return;
  const c = e.cluster;
  const rating = $('#energy-rating');
  rating.textContent = c.rating || '–';
  rating.className = `rating r-${c.rating ? c.rating.replace('+', 'plus') : 'none'}`;
  const sources = [...new Set(e.nodes.map((n) => n.source))].join(', ');
  $('#energy-source').textContent = `source: ${sources}; ${e.deviceClass} devices, TDP ${e.tdpWatts} W`;
  $('#energy-summary').textContent = `${c.powerWatts.toFixed(2)} W now · ${(c.energyKwh * 1000).toFixed(3)} Wh used`
    + ` · ${c.carbonGrams.toFixed(3)} g CO2 at ${e.carbonIntensityGco2PerKwh} g/kWh`
    + ` · ${c.tasksSucceeded} tasks${c.tasksPerWattHour != null ? `, ${c.tasksPerWattHour.toFixed(1)} per Wh` : ''}`;
  view.powerSamples.push([Date.now(), c.powerWatts]);
}

function fmt(x) {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

// ---- jobs -----------------------------------------------------------------------------------------

function filteredJobs() {
  const all = view.filter ? view.jobs.filter((j) => j.status === view.filter) : view.jobs;
  return [...all].sort((a, b) => (b.submittedAt || 0) - (a.submittedAt || 0));
}

function progressOf(job) {
  const tasks = job.tasks || [];
  const done = tasks.filter((t) => t.state === 'SUCCEEDED' || t.state === 'FAILED').length;
  return [done, tasks.length];
}

function renderJobs() {
  const jobs = filteredJobs();
  const pages = Math.max(1, Math.ceil(jobs.length / PAGE_SIZE));
  view.page = Math.min(view.page, pages - 1);
  const shown = jobs.slice(view.page * PAGE_SIZE, (view.page + 1) * PAGE_SIZE);
  $('#jobs tbody').replaceChildren(...shown.map((j) => {
    const [done, total] = progressOf(j);
    const finished = ['COMPLETE', 'FAILED', 'CANCELLED'].includes(j.status);
    const cancel = finished ? '' : el('button', {
      class: 'danger', type: 'button', 'data-cancel': j.id,
      onclick: (e) => { e.stopPropagation(); cancelJob(j.id); },
    }, 'cancel');
    return el('tr', { class: 'clickable', 'data-job': j.id, onclick: () => openJob(j.id) },
      el('td', {}, j.id),
      el('td', {}, j.name || ''),
      el('td', { class: `state ${j.status}`, 'data-testid': `job-status-${j.id}` }, j.status),
      el('td', {}, el('span', { class: 'bar' }, el('i', { style: `width:${total ? 100 * done / total : 0}%` })),
        `${done}/${total}`),
      el('td', {}, age(j.submittedAt)),
      el('td', { class: 'muted' }, j.submittedBy || ''),
      el('td', {}, cancel));
  }));
  $('#job-count').textContent = `${jobs.length} job${jobs.length === 1 ? '' : 's'}`;
  $('#page').textContent = `page ${view.page + 1} of ${pages}`;
  $('#prev').disabled = view.page === 0;
  $('#next').disabled = view.page >= pages - 1;
}

async function openJob(id) {
  view.detailJob = id;
  $('#logs').hidden = true;
  await refreshDetail();
}

async function refreshDetail() {
  const id = view.detailJob;
  const panel = $('#job-detail');
  if (!id) { panel.hidden = true; return; }
  let job;
  try { job = await api(`/api/v1/jobs/${encodeURIComponent(id)}`); } catch (e) { say(e.message, 'error'); return; }
  panel.hidden = false;
  $('#detail-id').textContent = id;
  const status = $('#detail-status');
  status.replaceChildren(el('span', { class: `state ${job.status}` }, job.status),
    job.result != null ? ` result ${JSON.stringify(job.result)}` : '',
    job.finishedAt ? ` · finished ${age(job.finishedAt)}` : '');
  $('#tasks tbody').replaceChildren(...(job.tasks || []).map((t) => el('tr', {},
    el('td', {}, t.id),
    el('td', {}, t.node == null ? '–' : `node ${t.node}`),
    el('td', {}, t.attempt ?? '–'),
    el('td', { class: `state ${t.state}` }, t.state),
    el('td', {}, t.exitCode ?? '–'),
    el('td', { class: 'output', title: t.output || '' }, t.output || ''),
    el('td', {}, el('button', { class: 'link', type: 'button', onclick: () => showLogs(t.id) }, 'logs')))));
}

async function showLogs(taskId) {
  const pre = $('#logs');
  pre.hidden = false;
  pre.textContent = 'loading…';
  try {
    const response = await fetch(`/api/v1/tasks/${encodeURIComponent(taskId)}/logs`);
    const text = await response.text();
    if (!response.ok) {
      let detail = text;
      try { detail = JSON.parse(text).detail; } catch (e) { /* plain text */ }
      pre.textContent = `${response.status}: ${detail}`;
    } else {
      pre.textContent = text || '(no output)';
    }
  } catch (e) {
    pre.textContent = e.message;
  }
}

async function cancelJob(id) {
  try {
    await api(`/api/v1/jobs/${encodeURIComponent(id)}`, { method: 'DELETE', headers: authHeaders() });
    say(`cancelling ${id}`, 'ok');
  } catch (e) {
    say(`cancel refused: ${e.message}`, 'error');
  }
}

async function submitJob(event) {
  event.preventDefault();
  const form = event.target;
  const spec = { image: form.image.value.trim() };
  const command = form.command.value.trim();
  if (command) spec.command = ['sh', '-c', command];
  const count = parseInt(form.count.value, 10);
  if (count > 1) spec.count = count;
  if (form.verification.value) spec.verification = form.verification.value;
  localStorage.setItem(TOKEN_KEY, token());
  try {
    const answer = await api('/api/v1/jobs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(spec),
    });
    say(`submitted ${answer.jobId}`, 'ok');
    refreshSoon('jobs');
  } catch (e) {
    say(`submit refused: ${e.message}`, 'error');
  }
}

// ---- charts ---------------------------------------------------------------------------------------

let chartSeeded = false;

/** Before the event stream has said anything, the chart starts from the jobs that finished lately. */
function seedChart(jobs) {
  if (chartSeeded) return;
  chartSeeded = true;
  const since = Date.now() - CHART_SPAN_MS;
  for (const j of jobs) {
    if (j.finishedAt && j.finishedAt > since) {
      for (const t of j.tasks || []) {
        if (t.state === 'SUCCEEDED' || t.state === 'FAILED') view.finishedAt.push(j.finishedAt);
      }
    }
  }
}

function drawBars(canvas, values, label) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width;
  const h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  const max = Math.max(1, ...values);
  const bw = w / values.length;
  ctx.fillStyle = '#2b6cb0';
  values.forEach((v, i) => {
    const bh = (h - 16) * v / max;
    ctx.fillRect(i * bw + 1, h - bh, Math.max(1, bw - 2), bh);
  });
  ctx.fillStyle = '#6b7385';
  ctx.font = '11px system-ui';
  ctx.fillText(`${label} max ${fmt(max)}`, 4, 11);
}

function renderCharts() {
  const now = Date.now();
  const buckets = CHART_SPAN_MS / CHART_BUCKET_MS;
  const tasks = new Array(buckets).fill(0);
  view.finishedAt = view.finishedAt.filter((t) => t > now - CHART_SPAN_MS);
  for (const t of view.finishedAt) {
    const i = buckets - 1 - Math.floor((now - t) / CHART_BUCKET_MS);
    if (i >= 0) tasks[i] += 1;
  }
  drawBars($('#tasks-chart'), tasks, 'tasks');
  view.powerSamples = view.powerSamples.filter(([t]) => t > now - CHART_SPAN_MS);
  const power = new Array(buckets).fill(0);
  for (const [t, v] of view.powerSamples) {
    const i = buckets - 1 - Math.floor((now - t) / CHART_BUCKET_MS);
    if (i >= 0) power[i] = Math.max(power[i], v);
  }
  drawBars($('#power-chart'), power, 'watts');
}

// ---- data refresh and the event stream ------------------------------------------------------------

const pending = new Set();
let refreshTimer = null;

/** Coalesces refreshes; a long job list is fetched at most every 1.5 s however busy the event stream is. */
function refreshSoon(what) {
  pending.add(what);
  if (!refreshTimer) refreshTimer = setTimeout(flushRefresh, view.jobs.length > 200 ? 1500 : 250);
}

async function flushRefresh() {
  refreshTimer = null;
  const what = new Set(pending);
  pending.clear();
  try {
    const work = [];
    if (what.has('cluster')) work.push(api('/api/v1/cluster').then((c) => { view.cluster = c; renderCluster(); }));
    if (what.has('nodes')) work.push(api('/api/v1/nodes').then((n) => { view.nodes = n; renderNodes(); }));
    if (what.has('jobs')) work.push(api('/api/v1/jobs').then((j) => { seedChart(j); view.jobs = j; renderJobs(); }));
    if (what.has('energy')) work.push(api('/api/v1/energy').then((e) => { view.energy = e; renderEnergy(); }));
    await Promise.all(work);
    if (what.has('jobs') && view.detailJob) await refreshDetail();
  } catch (e) {
    console.error('refresh failed', e);
    say(`could not refresh ${[...what].join(', ')}: ${e.message}`, 'error');
  }
}

function onEvent(e) {
  view.eventCount += 1;
  const p = e.payload || {};
  const kind = String(e.kind || '').toUpperCase();
  const line = `${new Date(p.timestamp || Date.now()).toLocaleTimeString()} ${kind.toLowerCase()} ${e.id} ${p.state || ''}`
    + `${p.node != null ? ' node ' + p.node : ''}${p.attempt != null ? ' attempt ' + p.attempt : ''}`
    + `${p.detail ? ' — ' + p.detail : ''}`;
  const list = $('#events');
  list.prepend(el('li', {}, line));
  while (list.children.length > 200) list.lastChild.remove();
  if (kind === 'TASK' && (p.state === 'SUCCEEDED' || p.state === 'FAILED')) view.finishedAt.push(Date.now());
  if (kind === 'JOB' || kind === 'TASK') refreshSoon('jobs');
  if (kind === 'NODE' || kind === 'TASK') refreshSoon('nodes');
  refreshSoon('cluster');
}

let socket = null;
let backoff = 500;

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}/api/v1/events`);
  socket.onopen = () => {
    backoff = 500;
    const live = $('#live');
    live.textContent = 'live';
    live.className = 'live on';
    refreshSoon('cluster'); refreshSoon('nodes'); refreshSoon('jobs');
  };
  socket.onmessage = (m) => {
    try { onEvent(JSON.parse(m.data)); } catch (err) { /* not an event */ }
  };
  socket.onclose = () => {
    const live = $('#live');
    live.textContent = 'offline — reconnecting';
    live.className = 'live off';
    setTimeout(connect, backoff);
    backoff = Math.min(10_000, backoff * 2);
  };
}

function start() {
  const stored = localStorage.getItem(TOKEN_KEY);
  if (stored) document.querySelector('input[name=token]').value = stored;
  $('#submit-form').addEventListener('submit', submitJob);
  $('#job-filter').addEventListener('change', (e) => { view.filter = e.target.value; view.page = 0; renderJobs(); });
  $('#prev').addEventListener('click', () => { view.page -= 1; renderJobs(); });
  $('#next').addEventListener('click', () => { view.page += 1; renderJobs(); });
  $('#detail-close').addEventListener('click', () => { view.detailJob = null; $('#job-detail').hidden = true; });
  refreshSoon('cluster'); refreshSoon('nodes'); refreshSoon('jobs'); refreshSoon('energy');
  connect();
  // Node state (heartbeats, suspicion) changes without an event for every beat: poll it gently.
  setInterval(() => { refreshSoon('nodes'); refreshSoon('cluster'); refreshSoon('energy'); }, 2000);
  setInterval(renderCharts, 1000);
}

start();
