// Tasklist plugin "case-details": a tab beside the task's form with the case number and the
// submitter's name and contact, as the signed-in user may see them (in full for the units handling
// the case and the county offices, masked for others). Text only ever goes in through textContent.

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
