// Shared by the test pages: like real kits, go full screen on the first click anywhere.
document.addEventListener('click', () => {
  if (!document.fullscreenElement) document.documentElement.requestFullscreen().catch(() => undefined);
});
