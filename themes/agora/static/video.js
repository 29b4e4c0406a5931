// Video facades (shortcodes/video.html): the host's player is loaded only when the
// visitor clicks "play"; until then the page asks nothing of the video's host.
(function () {
  if (window.hexaglotVideos) return;
  window.hexaglotVideos = true;
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.video-facade .video-play');
    if (!link) return;
    var facade = link.closest('.video-facade');
    event.preventDefault();
    var frame = document.createElement('iframe');
    frame.src = facade.getAttribute('data-embed');
    frame.title = facade.getAttribute('data-title') || link.textContent.trim();
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    frame.className = 'video-frame';
    link.replaceWith(frame);
    frame.focus();
  });
})();
