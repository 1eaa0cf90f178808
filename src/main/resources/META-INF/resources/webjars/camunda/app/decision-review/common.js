/*
 * 重大行政决策跟踪反馈与后评估系统 — shared by Tasklist, Cockpit, Admin and the welcome page.
 *
 * The Community Edition end-of-life banner concerns whoever runs the system, not the civil servants who use it:
 * it is shown to administrators only (users who may open Admin); README “Security” says what this deployment does.
 */

const STYLE = `
.ce-eol-banner { display: none !important; }
html.decision-review-admin .ce-eol-banner { display: block !important; }
`;

function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

function checkAdministrator() {
  fetch(`${appRoot()}/api/admin/auth/user/default`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((user) => {
      const admin = !!(user && Array.isArray(user.authorizedApps) && user.authorizedApps.includes('admin'));
      document.documentElement.classList.toggle('decision-review-admin', admin);
    })
    .catch(() => document.documentElement.classList.remove('decision-review-admin'));
}

export function decisionReviewBanner() {
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.appendChild(style);
  // The header (and its banner) is rendered again after a login or logout inside the single-page app.
  new MutationObserver((mutations) => {
    const bannerAdded = mutations.some((m) => Array.from(m.addedNodes).some((n) => n instanceof Element
        && (n.matches('.ce-eol-banner') || n.querySelector('.ce-eol-banner'))));
    if (bannerAdded) {
      checkAdministrator();
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  // Logging in or out inside the page keeps the header and only changes the route (#/login ↔ #/).
  window.addEventListener('hashchange', checkAdministrator);
  checkAdministrator();
}
