/* Include once on a page that embeds the timeline: each timeline iframe takes its content's height.
   Listens for AMP's "embed-size" message (amp-iframe, @newswire/frames) from iframes of this
   script's site (origin "null" for sandboxed frames) and checks the message's shape. */
(function () {
	if (window.__timelineEmbed) return;
	window.__timelineEmbed = 1;
	var script = document.currentScript;
	var site = script ? new URL(script.src, location.href).origin : location.origin;
	function originOf(frame) {
		try {
			return new URL(frame.src, location.href).origin;
		} catch (e) {
			return '';
		}
	}
	function ours(frame) {
		return originOf(frame) === site;
	}
	function sandboxed(frame) {
		var s = frame.getAttribute('sandbox');
		return s !== null && !/(^|\s)allow-same-origin(\s|$)/.test(s);
	}
	addEventListener('message', function (event) {
		var d = event.data;
		if (!d || typeof d !== 'object' || d.sentinel !== 'amp' || d.type !== 'embed-size') return;
		var h = d.height;
		if (typeof h !== 'number' || !isFinite(h) || h <= 0 || h > 100000) return;
		var frames = document.getElementsByTagName('iframe');
		for (var i = 0; i < frames.length; i++) {
			var frame = frames[i];
			if (frame.contentWindow !== event.source) continue;
			if (!ours(frame)) return;
			if (event.origin !== site && !(sandboxed(frame) && event.origin === 'null')) return;
			frame.style.height = Math.ceil(h) + 'px';
			return;
		}
	});
	// Frames that loaded before this script missed their first message: ask them again.
	function ask() {
		var frames = document.getElementsByTagName('iframe');
		for (var i = 0; i < frames.length; i++) {
			if (ours(frames[i]) && frames[i].contentWindow) {
				frames[i].contentWindow.postMessage({ sentinel: 'amp', type: 'embed-size-request' }, '*');
			}
		}
	}
	if (document.readyState === 'loading') addEventListener('DOMContentLoaded', ask);
	else ask();
	addEventListener('load', ask);
})();
