// Tasklist plugin "county-notices": "通知 Notices" in Tasklist's header, with a count of the notices
// that are new since the clerk last opened them in this browser, opens a dialog with the notices to
// the clerk and their units, newest first, and a link to each case's open task the clerk may see.
// Text only ever goes in through textContent.

const ID = 'county-notices';
const PAGE_SIZE = 20;
const REFRESH_MS = 120000;

const TEXT = {
  action: '通知 Notices',
  title: '通知 Notices',
  intro: '发给您本人和您所在单位的通知，最新的在前；时间为县时间。 Notices to you and your units, newest first; times are county time.',
  loading: '正在读取… Loading…',
  none: '暂无通知。 No notices.',
  failed: '暂时无法读取通知，请稍后再试。 The notices could not be read; please try again.',
  more: '更多 More',
  close: '关闭 Close',
  newLabel: '新 New',
  caseNo: '案件编号 Case No.',
  toUnit: '发给单位 To unit',
  toYou: '发给您本人 To you',
  openTask: '打开任务 Open task',
  noTask: '此案件没有您可办理的待办任务。 This case has no open task for you.',
  unreadTitle: count => `${count} 条新通知 ${count} new notice${count === 1 ? '' : 's'}`
};

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function fetchPage(api, page, size) {
  return fetch(`${api.tasklistApi}/plugin/${ID}/${api.engine}/notices?page=${page}&size=${size}`, {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin'
  }).then(response => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))));
}

// The newest notice a user has seen in this browser: what is newer counts as new.
function seenKey(userId) {
  return `${ID}:seen:${userId}`;
}

function lastSeen(userId) {
  return Number(window.localStorage.getItem(seenKey(userId)) || 0);
}

function markSeen(userId, newestId) {
  if (newestId > lastSeen(userId)) {
    window.localStorage.setItem(seenKey(userId), String(newestId));
  }
}

// Tasklist opens a task at #/?task=<id>; the current filter, sorting and search stay as they are.
function taskHref(taskId) {
  const hash = window.location.hash || '';
  const at = hash.indexOf('?');
  const kept = (at < 0 ? [] : hash.slice(at + 1).split('&'))
    .filter(part => part && !part.startsWith('task=') && !part.startsWith('detailsTab='));
  return `#/?${kept.concat(`task=${encodeURIComponent(taskId)}`).join('&')}`;
}

function noticeItem(notice, seen, close) {
  const item = element('li', undefined, 'list-group-item county-notice');
  item.setAttribute('data-notice-id', String(notice.id));
  const meta = element('div', undefined, 'county-notice-meta text-muted');
  const time = element('span', notice.time, 'county-notice-time');
  time.title = notice.createdAt;
  meta.appendChild(time);
  if (notice.id > seen) {
    meta.appendChild(element('span', TEXT.newLabel, 'label label-info county-notice-new'));
  }
  if (notice.caseNo) {
    meta.appendChild(element('span', `${TEXT.caseNo}: ${notice.caseNo}`, 'county-notice-case'));
  }
  const to = notice.addressedTo || {};
  meta.appendChild(element('span', to.kind === 'USER' ? TEXT.toYou : `${TEXT.toUnit}: ${to.name}`,
    'county-notice-to'));
  item.appendChild(meta);
  item.appendChild(element('h4', notice.subject, 'list-group-item-heading county-notice-subject'));
  item.appendChild(element('p', notice.body, 'list-group-item-text county-notice-body'));
  if (notice.task) {
    const link = element('a', `${TEXT.openTask}: ${notice.task.name || notice.task.id}`, 'county-notice-task');
    link.href = taskHref(notice.task.id);
    link.addEventListener('click', () => close());
    const line = element('p', undefined, 'county-notice-link');
    line.appendChild(element('span', '', 'glyphicon glyphicon-share-alt'));
    line.appendChild(document.createTextNode(' '));
    line.appendChild(link);
    item.appendChild(line);
  }
  else if (notice.caseNo) {
    item.appendChild(element('p', TEXT.noTask, 'county-notice-link text-muted'));
  }
  return item;
}

// A Bootstrap 3 dialog as Tasklist's own (Start process): header, scrolling body, footer.
function openDialog(api, onSeen) {
  const opener = document.activeElement;
  const backdrop = element('div', undefined, 'modal-backdrop fade in');
  const dialog = element('div', undefined, 'modal fade in county-notices-modal');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'county-notices-title');
  dialog.tabIndex = -1;
  dialog.style.display = 'block';
  const content = element('div', undefined, 'modal-content');
  const frame = element('div', undefined, 'modal-dialog modal-lg');
  frame.appendChild(content);
  dialog.appendChild(frame);

  const header = element('div', undefined, 'modal-header');
  const cross = element('button', '×', 'close');
  cross.type = 'button';
  cross.setAttribute('aria-label', TEXT.close);
  header.appendChild(cross);
  const title = element('h3', TEXT.title, 'modal-title');
  title.id = 'county-notices-title';
  header.appendChild(title);
  const body = element('div', undefined, 'modal-body');
  body.appendChild(element('p', TEXT.intro, 'text-muted county-notices-intro'));
  const list = element('ul', undefined, 'list-group county-notices-list');
  const status = element('p', TEXT.loading, 'text-muted county-notices-status');
  body.appendChild(list);
  body.appendChild(status);
  const footer = element('div', undefined, 'modal-footer');
  const more = element('button', TEXT.more, 'btn btn-default county-notices-more');
  more.type = 'button';
  more.style.display = 'none';
  const done = element('button', TEXT.close, 'btn btn-primary');
  done.type = 'button';
  footer.appendChild(more);
  footer.appendChild(done);
  content.appendChild(header);
  content.appendChild(body);
  content.appendChild(footer);

  const shown = new Set();
  let page = 0;
  let seen = null;

  function close() {
    document.removeEventListener('keydown', onKey);
    dialog.remove();
    backdrop.remove();
    document.body.classList.remove('modal-open');
    if (opener && opener.focus) {
      opener.focus();
    }
  }

  function onKey(event) {
    if (event.key === 'Escape') {
      close();
    }
  }

  function load() {
    more.disabled = true;
    status.textContent = TEXT.loading;
    status.style.display = '';
    fetchPage(api, page, PAGE_SIZE)
      .then(result => {
        if (seen === null) {
          seen = lastSeen(result.userId);
        }
        result.notices.filter(notice => !shown.has(notice.id)).forEach(notice => {
          shown.add(notice.id);
          list.appendChild(noticeItem(notice, seen, close));
        });
        if (page === 0 && result.notices.length) {
          markSeen(result.userId, result.notices[0].id);
          onSeen();
        }
        status.textContent = shown.size ? '' : TEXT.none;
        status.style.display = shown.size ? 'none' : '';
        more.style.display = result.more ? '' : 'none';
        more.disabled = false;
        page += 1;
      })
      .catch(() => {
        status.textContent = TEXT.failed;
        status.className = 'text-warning county-notices-status';
        more.disabled = false;
      });
  }

  cross.addEventListener('click', close);
  done.addEventListener('click', close);
  more.addEventListener('click', load);
  dialog.addEventListener('click', event => {
    if (event.target === dialog) {
      close();
    }
  });
  document.addEventListener('keydown', onKey);
  document.body.appendChild(backdrop);
  document.body.appendChild(dialog);
  document.body.classList.add('modal-open');
  done.focus();
  load();
}

let timer = null;

export default [
  {
    id: 'county-notices-action',
    pluginPoint: 'tasklist.navbar.action',
    priority: 200,
    render: (node, { api }) => {
      const link = element('a', undefined, 'county-notices-action');
      link.setAttribute('href', '');
      link.setAttribute('role', 'button');
      link.appendChild(element('span', '', 'glyphicon glyphicon-bell'));
      link.appendChild(document.createTextNode(` ${TEXT.action} `));
      const badge = element('span', '', 'badge county-notices-badge');
      badge.style.display = 'none';
      link.appendChild(badge);
      node.replaceChildren(link);

      // new since last seen, counted on the first page: "20+" when all of it is new and more follow
      function count() {
        fetchPage(api, 0, PAGE_SIZE)
          .then(result => {
            const seen = lastSeen(result.userId);
            const fresh = result.notices.filter(notice => notice.id > seen).length;
            badge.textContent = fresh === result.notices.length && result.more ? `${fresh}+` : String(fresh);
            badge.style.display = fresh ? '' : 'none';
            link.title = fresh ? TEXT.unreadTitle(fresh) : TEXT.action;
          })
          .catch(() => {
            badge.style.display = 'none';
          });
      }

      link.addEventListener('click', event => {
        event.preventDefault();
        openDialog(api, () => {
          badge.style.display = 'none';
        });
      });
      count();
      window.clearInterval(timer);
      timer = window.setInterval(count, REFRESH_MS);
    },
    unmount: () => {
      window.clearInterval(timer);
      timer = null;
    }
  }
];
