// Cockpit plugin "county-cases": Cases (案件) for auditors and the county offices. Cockpit
// Community Edition shows no finished instances; this shows every case of every process, running or
// finished, from the platform's own records: a search, a case view (ledger, completed tasks, the
// chain checked), a dashboard of open, overdue and escalated cases per unit, and a tab on Cockpit's
// process-instance page. Text only ever goes in through textContent.

const ID = 'county-cases';

const PROCESSES = {
  InteractionCardProcess: '四谈互动卡 Interaction card',
  RectificationProcess: '整改 Rectification',
  SatisfactionSurveyProcess: '满意度测评 Satisfaction survey'
};

const STATES = {
  ACTIVE: '办理中 Open',
  COMPLETED: '已办结 Closed',
  TERMINATED: '已终止 Terminated (deleted by an administrator)',
  UNKNOWN: '不明 Unknown'
};

const STATUSES = {
  OPEN: '办理中 Open',
  CLOSED: '已办结 Closed',
  OVERDUE: '已超期 Overdue',
  ESCALATED: '已督办 Escalated'
};

let zone = 'Asia/Shanghai';

function element(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function when(iso) {
  if (!iso) {
    return '';
  }
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hour12: false
  }).formatToParts(new Date(iso)).reduce((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function base(api) {
  return `${api.cockpitApi}/plugin/${ID}/${api.engine}`;
}

function get(api, path) {
  return fetch(`${base(api)}${path}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(response => response.json().catch(() => ({})).then(body => (response.ok ? body
      : Promise.reject(new Error(body.detail || body.message || `HTTP ${response.status}`)))));
}

function hashQuery() {
  const hash = window.location.hash || '';
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
}

function table(headers, rows) {
  const t = element('table', undefined, { class: 'table table-striped table-condensed cm-table county-cases-table' });
  const head = element('tr');
  headers.forEach(h => head.appendChild(element('th', h)));
  t.appendChild(element('thead')).appendChild(head);
  const body = element('tbody');
  rows.forEach(cells => {
    const tr = element('tr');
    cells.forEach(cell => {
      const td = element('td');
      if (cell instanceof Node) {
        td.appendChild(cell);
      }
      else {
        td.textContent = cell === undefined || cell === null ? '' : String(cell);
      }
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  t.appendChild(body);
  return t;
}

function heading(text) {
  return element('h4', text, { class: 'county-case-heading' });
}

function caseLink(caseNo) {
  return element('a', caseNo, { href: `#/cases/${encodeURIComponent(caseNo)}` });
}

function message(node, text, kind) {
  node.replaceChildren(element('p', text, { class: `text-${kind || 'muted'}` }));
}

// ---------------------------------------------------------------- the Cases page

function renderSearch(node, api) {
  const query = hashQuery();
  const form = element('form', undefined, { class: 'form-inline county-cases-search' });
  const field = (name, label, input) => {
    const group = element('div', undefined, { class: 'form-group' });
    group.appendChild(element('label', label, { for: `county-cases-${name}` }));
    input.id = `county-cases-${name}`;
    input.name = name;
    input.className = 'form-control input-sm';
    if (query.get(name)) {
      input.value = query.get(name);
    }
    group.appendChild(input);
    form.appendChild(group);
    return input;
  };
  const select = (options) => {
    const s = element('select');
    s.appendChild(element('option', '全部 All', { value: '' }));
    Object.entries(options).forEach(([value, label]) => s.appendChild(element('option', label, { value })));
    return s;
  };
  field('caseNo', '案件编号 Case No.', element('input', undefined, { type: 'text', placeholder: 'HD-2026-000001' }));
  field('process', '流程 Process', select(PROCESSES));
  const unit = field('unit', '单位 Unit', select({}));
  field('event', '台账事件 Ledger event', element('input', undefined, { type: 'text', placeholder: 'REJECTED' }));
  field('status', '状态 Status', select(STATUSES));
  field('from', '登记自 Filed from', element('input', undefined, { type: 'date' }));
  field('to', '至 to', element('input', undefined, { type: 'date' }));
  form.appendChild(element('button', '查询 Search', { type: 'submit', class: 'btn btn-primary btn-sm' }));
  const download = element('a', '下载 CSV Download CSV', { class: 'btn btn-default btn-sm county-cases-csv' });
  form.appendChild(download);

  const results = element('div', undefined, { class: 'county-cases-results' });
  node.replaceChildren(element('h3', '案件 Cases'), form, results);

  get(api, '/units').then(data => {
    zone = data.zone || zone;
    Object.entries(data.units || {}).forEach(([id, name]) => unit.appendChild(element('option', `${name} (${id})`, { value: id })));
    if (query.get('unit')) {
      unit.value = query.get('unit');
    }
  }).catch(() => {});

  const parameters = () => {
    const p = new URLSearchParams();
    new FormData(form).forEach((value, name) => {
      if (value) {
        p.set(name, value);
      }
    });
    return p;
  };
  const load = (page) => {
    const p = parameters();
    p.set('page', page);
    p.set('size', 50);
    download.setAttribute('href', `${base(api)}/cases.csv?${parameters().toString()}`);
    message(results, '正在查询… Searching…');
    get(api, `/cases?${p.toString()}`).then(data => {
      const rows = (data.cases || []).map(c => [caseLink(c.caseNo), PROCESSES[c.process] || c.process, c.subject,
        c.unitName, STATUSES[c.status] || c.status, c.overdue ? '是 yes' : '', c.escalated ? '是 yes' : '',
        when(c.openedAt), when(c.closedAt), when(c.dueAt)]);
      results.replaceChildren(element('p', `共 ${data.total} 件，第 ${data.page + 1} 页 ${data.total} cases, page ${data.page + 1}`,
        { class: 'county-cases-total' }));
      results.appendChild(table(['案件编号 Case No.', '流程 Process', '事项 Subject', '单位 Unit', '状态 Status',
        '超期 Overdue', '督办 Escalated', '登记 Filed', '办结 Closed', '期限 Due'], rows));
      const pager = element('div', undefined, { class: 'btn-group' });
      if (data.page > 0) {
        const previous = element('button', '上一页 Previous', { type: 'button', class: 'btn btn-default btn-sm' });
        previous.onclick = () => load(data.page - 1);
        pager.appendChild(previous);
      }
      if ((data.page + 1) * data.size < data.total) {
        const next = element('button', '下一页 Next', { type: 'button', class: 'btn btn-default btn-sm' });
        next.onclick = () => load(data.page + 1);
        pager.appendChild(next);
      }
      results.appendChild(pager);
    }).catch(error => message(results, `查询失败 The search failed: ${error.message}`, 'danger'));
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    load(0);
  };
  load(0);
}


// ---------------------------------------------------------------- the diagram with the path taken

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

// a name in lines that fit a width (Chinese has no spaces: it breaks anywhere)
function wrapped(name, width) {
  const perLine = Math.max(4, Math.floor(width / 7));
  const lines = [];
  let line = '';
  (name || '').split(/(\s+)/).forEach(word => {
    if ((line + word).length > perLine && line.trim()) {
      lines.push(line.trim());
      line = '';
    }
    line += word;
    while (line.length > perLine) {
      lines.push(line.substring(0, perLine));
      line = line.substring(perLine);
    }
  });
  if (line.trim()) {
    lines.push(line.trim());
  }
  return lines;
}

function text(parent, name, cx, top, width, className) {
  const lines = wrapped(name, width);
  const t = svg('text', { x: cx, y: top, 'text-anchor': 'middle', class: className || 'county-diagram-text' });
  lines.forEach((line, i) => t.appendChild(svg('tspan', { x: cx, dy: i === 0 ? '1em' : '1.2em' }, line)));
  parent.appendChild(t);
}

function renderDiagram(diagram) {
  const box = element('div', undefined, { class: 'county-case-diagram' });
  const legend = element('p', undefined, { class: 'county-diagram-legend' });
  [['passed', '已经过 Passed'], ['current', '当前所在 Where it is now'], ['', '未经过 Not reached']]
    .forEach(([state, label]) => legend.appendChild(element('span', label, { class: `county-diagram-key ${state}` })));
  box.appendChild(legend);
  const drawing = svg('svg', {
    viewBox: `${diagram.x} ${diagram.y} ${diagram.width} ${diagram.height}`,
    width: diagram.width, role: 'img', 'aria-label': '流程图 Diagram'
  });
  const marker = svg('marker', { id: 'county-arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
  marker.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'county-diagram-arrow' }));
  const takenMarker = svg('marker', { id: 'county-arrow-taken', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto' });
  takenMarker.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'county-diagram-arrow taken' }));
  drawing.appendChild(svg('defs')).append(marker, takenMarker);
  (diagram.lines || []).forEach(line => {
    const g = svg('g', { class: `county-diagram-flow${line.taken ? ' taken' : ''}`, 'data-element': line.id });
    g.appendChild(svg('polyline', {
      points: line.points.map(p => p.join(',')).join(' '),
      'marker-end': `url(#county-arrow${line.taken ? '-taken' : ''})`
    }));
    if (line.name && line.label) {
      text(g, line.name, line.label[0] + line.label[2] / 2, line.label[1], Math.max(line.label[2], 60), 'county-diagram-label');
    }
    drawing.appendChild(g);
  });
  // sub-processes first, so the steps inside them are drawn on top
  const order = { subProcess: 0, note: 1 };
  [...(diagram.shapes || [])].sort((a, b) => (order[a.kind] ?? 2) - (order[b.kind] ?? 2)).forEach(shape => {
    const g = svg('g', { class: `county-diagram-shape ${shape.kind} ${shape.state}`, 'data-element': shape.id });
    const { x, y, width, height } = shape;
    if (shape.kind === 'task' || shape.kind === 'subProcess') {
      g.appendChild(svg('rect', { x, y, width, height, rx: 10, ry: 10 }));
      if (shape.kind === 'task') {
        text(g, shape.name, x + width / 2, y + 8, width - 8);
      }
      else {
        text(g, shape.name, x + width / 2, y + 6, width - 8);
      }
    }
    else if (shape.kind === 'gateway') {
      g.appendChild(svg('polygon', { points: `${x + width / 2},${y} ${x + width},${y + height / 2} ${x + width / 2},${y + height} ${x},${y + height / 2}` }));
    }
    else if (shape.kind === 'note') {
      g.appendChild(svg('path', { d: `M${x + 15},${y} L${x},${y} L${x},${y + height} L${x + 15},${y + height}` }));
      text(g, shape.name, x + width / 2, y + 4, width - 8);
    }
    else {
      g.appendChild(svg('circle', { cx: x + width / 2, cy: y + height / 2, r: width / 2 }));
      if (shape.kind === 'boundaryEvent' || shape.kind === 'event') {
        g.appendChild(svg('circle', { cx: x + width / 2, cy: y + height / 2, r: width / 2 - 3, class: 'inner' }));
      }
    }
    if (shape.kind !== 'task' && shape.kind !== 'subProcess' && shape.kind !== 'note' && shape.name) {
      const label = shape.label || [x - 25, y + height + 4, width + 50, 20];
      text(g, shape.name, label[0] + label[2] / 2, label[1], Math.max(label[2], 90), 'county-diagram-label');
    }
    g.appendChild(svg('title', {}, `${shape.name || shape.id}${shape.state === 'current' ? ' · 当前所在 where it is now'
      : shape.state === 'passed' ? ' · 已经过 passed' : ''}`));
    drawing.appendChild(g);
  });
  const scroller = element('div', undefined, { class: 'county-diagram-scroll' });
  scroller.appendChild(drawing);
  box.appendChild(scroller);
  return box;
}

// ---------------------------------------------------------------- a case

function renderCase(node, api, caseNo, reveal) {
  message(node, '正在读取… Loading…');
  get(api, `/cases/${encodeURIComponent(caseNo)}${reveal ? '?reveal=true' : ''}`).then(view => {
    zone = view.zone || zone;
    const name = (id) => (view.people && view.people[id]) || id;
    const unitName = (id) => (id && view.units && view.units[id] ? `${view.units[id]} (${id})` : id);
    node.replaceChildren(element('p', undefined, { class: 'county-case-back' }));
    node.firstChild.appendChild(element('a', '← 案件 Cases', { href: '#/cases' }));
    node.appendChild(element('h3', `${caseNo} · ${PROCESSES[view.process] || view.process}`, { class: 'county-case-title' }));

    const header = element('dl', undefined, { class: 'dl-horizontal county-case-header' });
    const item = (label, value) => {
      header.appendChild(element('dt', label));
      header.appendChild(element('dd', value));
    };
    item('状态 State', STATES[view.state] || view.state);
    item('结果 Outcome', view.outcome || '');
    item('开始 Started', when(view.startedAt));
    item('结束 Ended', when(view.endedAt));
    Object.entries(view.deadlines || {}).forEach(([key, value]) => item(`期限 ${key}`, when(value)));
    item('提交人 Submitter', Object.values(view.personalData || {}).join(' · '));
    if (view.mayReveal) {
      const reveal = element('button', '查看完整信息（将记入审计日志） Show in full (recorded in the audit trail)',
        { type: 'button', class: 'btn btn-default btn-xs county-case-reveal' });
      reveal.onclick = () => renderCase(node, api, caseNo, true);
      header.lastChild.appendChild(document.createTextNode(' '));
      header.lastChild.appendChild(reveal);
    }
    if (view.processInstanceId && view.state === 'ACTIVE') {
      const link = element('a', '在 Cockpit 中打开流程实例 Open the process instance',
        { href: `#/process-instance/${encodeURIComponent(view.processInstanceId)}/runtime` });
      header.appendChild(element('dt', '流程实例 Instance'));
      header.appendChild(element('dd')).appendChild(link);
    }
    node.appendChild(header);

    const verification = element('div', undefined, { class: 'county-case-verification' });
    const showVerification = (v) => {
      verification.replaceChildren(element('strong', v.ok
        ? `台账链校验通过 The chain verifies (${v.entriesChecked} entries)`
        : `台账链校验失败 The chain does not verify: ${v.finding} — ${v.problem}`, { class: v.ok ? 'text-success' : 'text-danger' }));
      const again = element('button', '重新校验 Verify', { type: 'button', class: 'btn btn-default btn-xs' });
      again.onclick = () => get(api, `/cases/${encodeURIComponent(caseNo)}`).then(fresh => showVerification(fresh.verification));
      verification.appendChild(again);
    };
    showVerification(view.verification);
    node.appendChild(verification);

    node.appendChild(heading('台账 Ledger'));
    node.appendChild(table(['#', '时间 Time', '事件 Event', '单位 Unit', '经办人 Actor', '期限 Due', '内容 Detail', '哈希 Hash'],
      (view.ledger || []).map(e => [e.seq, when(e.at), (view.events && view.events[e.event]) || e.event, unitName(e.unit),
        name(e.actor), when(e.dueAt), e.detail, (e.hash || '').substring(0, 12)])));

    node.appendChild(heading('已办任务 Completed tasks'));
    node.appendChild(table(['任务 Task', '办理人 Completed by', '创建 Created', '完成 Completed', '说明 Note'],
      (view.completedTasks || []).map(t => [t.name, t.completedBy ? name(t.completedBy) : '', when(t.created),
        when(t.completed), t.endReason || ''])));

    node.appendChild(heading('待办任务 Open tasks'));
    node.appendChild(table(['任务 Task', '候选单位 Units', '办理人 Assignee', '期限 Due'],
      (view.currentTasks || []).map(t => [t.name, (t.candidateGroups || []).map(unitName).join(', '),
        t.assignee ? name(t.assignee) : '', when(t.due)])));

    if (view.diagram && (view.diagram.shapes || []).length) {
      node.appendChild(heading('流程图：经过的路径 The diagram: the path taken'));
      node.appendChild(renderDiagram(view.diagram));
    }

    const engine = view.engineHistory || {};
    node.appendChild(heading('流程引擎记录：经过的步骤 The engine\'s record: steps passed'));
    node.appendChild(table(['步骤 Step', '类型 Type', '办理人 Assignee', '开始 Started', '结束 Ended'],
      (engine.activities || []).map(a => [a.name, a.type, a.assignee ? name(a.assignee) : '', when(a.started),
        a.canceled ? `${when(a.ended)} (取消 canceled)` : when(a.ended)])));
    node.appendChild(heading('流程引擎记录：操作 The engine\'s record: operations (claims, completions, variable changes)'));
    node.appendChild(table(['时间 Time', '操作人 User', '操作 Operation', '对象 Entity', '属性 Property', '原值 From', '新值 To'],
      (engine.operations || []).map(o => [when(o.at), o.user ? name(o.user) : '', o.operation, o.entity, o.property,
        o.from, o.to])));
    node.appendChild(heading('流程引擎记录：变量变更 The engine\'s record: variable changes'));
    node.appendChild(table(['时间 Time', '变量 Variable', '值 Value', '版本 Revision'],
      (engine.variables || []).map(v => [when(v.at), v.name, v.value, v.revision])));
    if ((engine.incidents || []).length) {
      node.appendChild(heading('故障 Incidents'));
      node.appendChild(table(['时间 Time', '类型 Type', '步骤 Step', '说明 Message', '已解决 Resolved'],
        engine.incidents.map(i => [when(i.at), i.type, i.activityId, i.message, i.resolved ? '是 yes' : '否 no'])));
    }
  }).catch(error => message(node, `无法打开案件 ${caseNo} The case could not be opened: ${error.message}`, 'danger'));
}

function renderRoute(node, { api }) {
  const path = (window.location.hash || '').replace(/^#/, '').split('?')[0];
  const caseNo = decodeURIComponent(path.split('/')[2] || '');
  if (caseNo) {
    renderCase(node, api, caseNo);
  }
  else {
    renderSearch(node, api);
  }
}

// ---------------------------------------------------------------- the dashboard

function renderDashboard(node, { api }) {
  node.replaceChildren(element('h3', '各单位案件 Cases per unit'));
  const body = element('div');
  node.appendChild(body);
  message(body, '正在读取… Loading…');
  get(api, '/dashboard').then(data => {
    const count = (unit, status, value) => element('a', value, {
      href: `#/cases?unit=${encodeURIComponent(unit)}&status=${status}`
    });
    body.replaceChildren(table(['单位 Unit', '办理中 Open', '已超期 Overdue', '已督办 Escalated'],
      (data.units || []).map(u => [u.unitName, count(u.unit, 'OPEN', u.open), count(u.unit, 'OVERDUE', u.overdue),
        count(u.unit, 'ESCALATED', u.escalated)])));
    body.appendChild(element('a', '查询全部案件 All cases →', { href: '#/cases' }));
    if (data.mayVerifyLedger) {
      const result = element('span', '', { class: 'county-ledger-verification' });
      const verify = element('button', '校验整个台账 Verify the whole ledger', { type: 'button', class: 'btn btn-default btn-sm' });
      verify.onclick = () => {
        result.textContent = ' 正在校验… Verifying…';
        result.className = 'county-ledger-verification text-muted';
        get(api, '/ledger/verify').then(v => {
          result.textContent = v.ok
            ? ` 台账校验通过 The ledger verifies: ${v.entriesChecked} 条 entries, ${v.checkpointsChecked} 个库外检查点 checkpoints`
            : ` 台账校验失败 The ledger does not verify: ${v.finding} — ${v.problem}`;
          result.className = `county-ledger-verification text-${v.ok ? 'success' : 'danger'}`;
        }).catch(error => {
          result.textContent = ` 无法校验 Could not verify: ${error.message}`;
          result.className = 'county-ledger-verification text-danger';
        });
      };
      const line = element('p');
      line.appendChild(verify);
      line.appendChild(result);
      body.appendChild(line);
    }
  }).catch(error => message(body, `无法读取 Could not be read: ${error.message}`, 'danger'));
}

// ---------------------------------------------------------------- the process-instance tab

function renderInstanceTab(node, { api, processInstanceId }) {
  message(node, '正在读取… Loading…');
  fetch(`${api.engineApi}/process-instance/${encodeURIComponent(processInstanceId)}`,
    { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(response => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then(instance => {
      if (!instance.businessKey) {
        message(node, '此流程实例不属于平台的案件。 This instance is no case of the platform.');
        return;
      }
      node.replaceChildren(element('p', '案件的台账、已办任务和校验结果： The case\'s ledger, completed tasks and check: '));
      node.firstChild.appendChild(caseLink(instance.businessKey));
    })
    .catch(error => message(node, `无法读取 Could not be read: ${error.message}`, 'danger'));
}

export default [
  {
    id: `${ID}-navigation`,
    pluginPoint: 'cockpit.navigation',
    priority: 95,
    properties: {
      label: 'Cases (案件)',
      path: '/cases',
      pagePath: '#/cases',
      checkActive: path => path.indexOf('#/cases') !== -1
    },
    render: (node, { api }) => {
      node.replaceChildren(element('a', 'Cases (案件)', { href: '#/cases', class: 'county-cases-navigation' }));
      // buttons the engine would refuse (delete, suspend, retry, edit variables) are not offered
      // to read-only users; plugin.css hides them under this class
      get(api, '/me').then(me => document.documentElement.classList.toggle('county-read-only', !!me.readOnly))
        .catch(() => {});
    }
  },
  {
    id: `${ID}-list`,
    pluginPoint: 'cockpit.route',
    properties: { path: '/cases' },
    render: renderRoute
  },
  {
    id: `${ID}-case`,
    pluginPoint: 'cockpit.route',
    properties: { path: '/cases/:caseNo' },
    render: renderRoute
  },
  {
    id: `${ID}-dashboard`,
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: renderDashboard
  },
  {
    id: `${ID}-instance-tab`,
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 20,
    properties: { label: '案件 Case' },
    render: renderInstanceTab
  }
];
