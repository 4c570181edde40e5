// The dialog that asks for the node's API key. A password field, so the key is not shown on screen.
import { byId } from './dom.js';

/** Shows the dialog; resolves the key typed, or null when the user cancels (button or Escape). */
export function askKeyInDialog() {
  const dialog = byId('key-dialog');
  const input = byId('key-input');
  const useButton = byId('key-use');
  const cancelButton = byId('key-cancel');
  return new Promise((resolve) => {
    const finish = (key) => {
      useButton.removeEventListener('click', use);
      cancelButton.removeEventListener('click', cancel);
      input.removeEventListener('keydown', onKey);
      dialog.removeEventListener('close', cancel);
      input.value = '';
      if (dialog.open) dialog.close();
      resolve(key);
    };
    const use = () => finish(input.value);
    const cancel = () => finish(null);
    const onKey = (event) => {
      if (event.key === 'Enter') use();
    };
    useButton.addEventListener('click', use);
    cancelButton.addEventListener('click', cancel);
    input.addEventListener('keydown', onKey);
    dialog.addEventListener('close', cancel);
    dialog.showModal();
    input.focus();
  });
}
