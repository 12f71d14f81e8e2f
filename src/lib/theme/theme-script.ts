/**
 * Runs in <head> before the first paint, so a reader who chose a theme never sees the other one
 * flash. Kept as a string so the build can allow exactly this script in the Content-Security-Policy.
 */
export const THEME_INIT_SCRIPT =
  "try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
