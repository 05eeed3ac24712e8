// idbroker portal: copy buttons and the credentials' expiry countdown. Served from 'self' (CSP: no inline scripts).
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const text = document.getElementById(button.dataset.copy)?.textContent ?? '';
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
      } catch {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById(button.dataset.copy));
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        button.textContent = 'Selected: press Ctrl+C';
      }
      setTimeout(() => (button.textContent = 'Copy'), 2000);
    });
  }
  const countdown = document.querySelector('[data-expires]');
  if (countdown) {
    const end = Date.parse(countdown.dataset.expires);
    const tick = () => {
      const left = Math.max(0, Math.round((end - Date.now()) / 1000));
      const h = Math.floor(left / 3600);
      const m = Math.floor((left % 3600) / 60);
      const s = left % 60;
      countdown.textContent = left === 0 ? 'expired' : `expires in ${h ? `${h} h ` : ''}${m} min ${String(s).padStart(2, '0')} s`;
      countdown.classList.toggle('expired', left === 0);
      if (left > 0) setTimeout(tick, 1000);
    };
    tick();
  }
});
