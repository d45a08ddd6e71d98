/*
 * The county's Tasklist configuration. It replaces the webjar's scripts/config.js, whose only
 * active setting, the keyboard shortcuts, is kept here (descriptions in the chosen language).
 * Language: ../../county/language.js.
 */
import { inLanguage, locales } from '../../county/language.js';

export default {
  app: inLanguage({
    zh: { vendor: 'Camunda', name: '任务列表' },
    en: { vendor: 'Camunda', name: 'Tasklist' }
  }),
  locales,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: inLanguage({ zh: '认领当前选中的任务', en: 'claims the currently selected task' })
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: inLanguage({ zh: '将焦点移到第一个过滤器', en: 'set the focus to the first filter in the list' })
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: inLanguage({ zh: '将焦点移到列表中的第一个任务', en: 'sets the focus to the first task in the list' })
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: inLanguage({ zh: '将焦点移到任务表单的第一个输入框', en: 'sets the focus to the first input field in a task form' })
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: inLanguage({ zh: '打开“发起流程”对话框', en: 'opens the start process modal dialog' })
    }
  }
};
