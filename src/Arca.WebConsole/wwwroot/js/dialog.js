// Modal confirmation dialogs (<dialog>: focus is trapped inside, Escape cancels). Every action that changes
// something goes through one: nothing is sent until the user presses the confirm button.
import { h, errorBox, replace } from './dom.js';

let counter = 0;

function field(f) {
  const id = `field-${++counter}`;
  const help = f.help ? h('p', { class: 'help muted', id: `${id}-help`, text: f.help }) : null;
  const common = { id, name: f.name, required: f.required, 'aria-describedby': help ? `${id}-help` : null };
  let input;
  if (f.type === 'select') {
    input = h('select', { ...common, value: f.value }, f.options.map((o) => h('option', { value: o.value ?? o, text: o.label ?? o })));
  } else if (f.type === 'textarea') {
    input = h('textarea', { ...common, rows: f.rows ?? 6, spellcheck: 'false' }, f.value ?? '');
  } else {
    input = h('input', { ...common, type: f.type ?? 'text', value: f.value ?? '', autocomplete: 'off', spellcheck: 'false', placeholder: f.placeholder,
      list: f.suggestions?.length ? `${id}-list` : null });
  }
  // Suggestions (a datalist) complete the field without restricting it.
  const suggestions = f.suggestions?.length ? h('datalist', { id: `${id}-list` }, f.suggestions.map((s) => h('option', { value: s }))) : null;
  return h('div', { class: 'field' }, h('label', { for: id, text: f.label }), input, suggestions, help);
}

/**
 * Opens a modal form. fields: [{ name, label, value?, type? ('text'|'textarea'|'select'), options?, suggestions?, required?, help? }];
 * summary: nodes saying what confirming will do. onConfirm(values) runs when the user confirms; if it throws, the
 * error (AWS code and message) is shown in the dialog, which stays open. Resolves with onConfirm's result, or null
 * when cancelled.
 */
export function formDialog({ title, summary, fields = [], confirmLabel = 'Confirm', onConfirm }) {
  return new Promise((resolve) => {
    const titleId = `dialog-title-${++counter}`;
    const errors = h('div', { class: 'dialog-errors', 'aria-live': 'assertive' });
    const confirm = h('button', { type: 'submit', class: 'primary', text: confirmLabel });
    const cancel = h('button', { type: 'button', text: 'Cancel' });
    const form = h('form', { method: 'dialog' },
      h('h2', { id: titleId, text: title }),
      summary ? h('div', { class: 'dialog-summary' }, summary) : null,
      fields.map(field),
      errors,
      h('div', { class: 'dialog-buttons' }, cancel, confirm));
    const dialog = h('dialog', { 'aria-labelledby': titleId, class: 'dialog' }, form);
    let result = null;

    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = Object.fromEntries(new FormData(form).entries());
      confirm.disabled = true;
      replace(errors);
      try {
        result = (await onConfirm?.(values)) ?? values;
        dialog.close();
      } catch (error) {
        replace(errors, errorBox(error));
        confirm.disabled = false;
      }
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A yes/no confirmation that runs onConfirm (shown errors keep it open). */
export function confirmDialog({ title, message, confirmLabel = 'Confirm', onConfirm }) {
  return formDialog({ title, summary: h('p', {}, message), confirmLabel, onConfirm });
}
