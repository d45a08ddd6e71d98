// Tasklist plugin "case-details": a tab beside the task's form with the case number and the
// submitter's name and contact, as the signed-in user may see them (in full for the units handling
// the case and the county offices, masked for others). Besides, for the whole of Tasklist: the task
// list sorted by due date when nobody chose another order, and the number of a case just filed from
// "Start process" shown to the clerk who filed it. Text only ever goes in through textContent.

const LABELS = {
  submitterName: '提交人 Submitter',
  submitterContact: '联系方式 Contact'
};

const NOTES = {
  FULL: '完整信息仅承办单位和县级部门可见，请勿外传。 Shown in full to the units handling the case and the county offices only; do not pass it on.',
  MASKED: '已脱敏显示：您可查看此案件，但不能查看提交人的完整信息。 Masked: you may see this case, not the submitter\'s full data.',
  ERASED: '提交人信息已按保存期限删除。 The submitter\'s data was erased after the retention period.',
  NONE: '此案件没有提交人信息。 This case has no submitter\'s data.'
};

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function row(list, label, value) {
  list.appendChild(element('dt', label));
  list.appendChild(element('dd', value));
}

function show(node, details) {
  node.replaceChildren();
  const list = element('dl', undefined, 'dl-horizontal');
  row(list, '案件编号 Case No.', details.caseNo);
  const data = details.personalData || {};
  const fields = Object.keys(LABELS).filter(field => field in data)
    .concat(Object.keys(data).filter(field => !(field in LABELS)));
  fields.forEach(field => row(list, LABELS[field] || field, data[field]));
  node.appendChild(list);
  node.appendChild(element('p', NOTES[details.personalDataShown] || '', 'text-muted case-details-note'));
}

// ---------------------------------------------------------------- the task list, due date first

const BY_DUE_DATE = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

const TASKLIST_DEFAULT = JSON.stringify([{ sortBy: 'created', sortOrder: 'desc' }]);

const SORTED = 'county-platform.sorted-by-due-date';

// Tasklist sorts by creation unless the address names an order: until the task list has shown once
// in this browser session with an order in place, name the due date instead of Tasklist's default;
// a clerk's own choice of order afterwards stays in the address and is kept
function sortByDueDateFirst() {
  if (window.sessionStorage.getItem(SORTED)) {
    return;
  }
  const hash = window.location.hash || '';
  const at = hash.indexOf('?');
  const path = at < 0 ? hash.substring(1) : hash.substring(1, at);
  if (path !== '/') {
    return;
  }
  const query = new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
  const sorting = query.get('sorting');
  if (sorting && sorting !== TASKLIST_DEFAULT) {
    // an order is in place (ours, or the clerk's): from now on the clerk's choice is kept
    window.sessionStorage.setItem(SORTED, 'yes');
    return;
  }
  query.set('sorting', BY_DUE_DATE);
  window.location.replace(`${window.location.pathname}${window.location.search}#/?${query.toString()}`);
}

// ---------------------------------------------------------------- the number of a case just filed

function showFiled(caseNo) {
  document.querySelectorAll('.county-filed-notice').forEach(old => old.remove());
  const notice = element('div', undefined, 'alert alert-success county-filed-notice');
  notice.setAttribute('role', 'alert');
  notice.appendChild(element('strong', `已登记，案件编号 ${caseNo}`, 'county-filed-number'));
  notice.appendChild(element('span', ` 请把编号告知提交人。 Filed as case ${caseNo}: give the number to the submitter.`));
  const close = element('button', '关闭 Close', 'btn btn-default btn-xs');
  close.type = 'button';
  close.onclick = () => notice.remove();
  notice.appendChild(close);
  document.body.appendChild(notice);
}

// "Start process" answers with the new instance; its business key is the case number (read it
// from the instance when the answer does not carry it)
function announceFiledCases() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const address = String(url);
    const start = address.match(/^(.*)\/process-definition\/.+\/(submit-form|start)$/);
    if (String(method).toUpperCase() === 'POST' && start) {
      this.addEventListener('load', () => {
        if (this.status >= 300) {
          return;
        }
        let instance;
        try {
          instance = JSON.parse(this.responseText);
        }
        catch (notJson) {
          return;
        }
        if (instance.businessKey) {
          showFiled(instance.businessKey);
        }
        else if (instance.id) {
          fetch(`${start[1]}/process-instance/${encodeURIComponent(instance.id)}`,
            { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
            .then(response => (response.ok ? response.json() : {}))
            .then(found => found.businessKey && showFiled(found.businessKey))
            .catch(() => {});
        }
      });
    }
    return open.call(this, method, url, ...rest);
  };
}

// ---------------------------------------------------------------- tasks to read, not to work on

// The county offices read every unit's tasks in their county-wide filters; claiming, completing or
// re-dating another unit's task would be refused, so it is not offered and the page says why.
function markTasksToReadOnly() {
  const root = window.location.pathname.substring(0, window.location.pathname.indexOf('/app/'));
  let shown = null;
  const check = () => {
    const at = (window.location.hash || '').indexOf('?');
    const taskId = new URLSearchParams(at < 0 ? '' : window.location.hash.substring(at + 1)).get('task');
    if (taskId === shown) {
      return;
    }
    shown = taskId;
    document.documentElement.classList.remove('county-task-read-only');
    document.querySelectorAll('.county-read-only-notice').forEach(old => old.remove());
    if (!taskId) {
      return;
    }
    fetch(`${root}/api/tasklist/plugin/case-details/default/tasks/${encodeURIComponent(taskId)}/work`,
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(response => (response.ok ? response.json() : null))
      .then(answer => {
        if (!answer || answer.mayWork || shown !== taskId) {
          return;
        }
        document.documentElement.classList.add('county-task-read-only');
        const notice = element('div', '只读：您的单位不是此任务的承办单位，只能查看，不能认领或办理。 Read only: your unit does not '
          + 'handle this task; you may read it, not claim or complete it.', 'alert alert-info county-read-only-notice');
        document.body.appendChild(notice);
      })
      .catch(() => {});
  };
  window.addEventListener('hashchange', check);
  check();
}

sortByDueDateFirst();
window.addEventListener('hashchange', sortByDueDateFirst);
announceFiledCases();
markTasksToReadOnly();

export default [
  {
    id: 'case-details-submitter',
    pluginPoint: 'tasklist.task.detail',
    priority: 900,
    properties: {
      label: '提交人 Submitter'
    },
    render: (node, { api, taskId }) => {
      node.replaceChildren(element('p', '正在读取… Loading…', 'text-muted'));
      fetch(`${api.tasklistApi}/plugin/case-details/${api.engine}/tasks/${encodeURIComponent(taskId)}`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      })
        .then(response => (response.ok ? response.json() : Promise.reject(response.status)))
        .then(details => show(node, details))
        .catch(status => node.replaceChildren(element('p', status === 404
          ? '此任务不属于您可查看的案件。 This task belongs to no case you may see.'
          : '暂时无法读取案件信息，请稍后再试。 The case could not be read; please try again.', 'text-warning')));
    }
  }
];
