/* Include once on a page that embeds the timeline: each timeline iframe takes its content's height.
   Listens for AMP's "embed-size" message (amp-iframe, @newswire/frames) from iframes of this
   script's site (origin "null" for sandboxed frames) and checks the message's shape.
   Deep links: the event open in each frame is kept in this page's URL fragment as
   #timeline=<event id> (the second frame timeline-2=, and so on, or the frame's
   data-timeline-key; pairs joined by &, other parts of the fragment kept), by replaceState, and a
   URL carrying it opens that event in that frame. data-timeline-links="off" on this script (or on
   a frame) turns that off, for pages that route by fragment. */
(function () {
	if (window.__timelineEmbed) return;
	window.__timelineEmbed = 1;
	var script = document.currentScript;
	var site = script ? new URL(script.src, location.href).origin : location.origin;
	var off = 'data-timeline-links';
	var links = !script || script.getAttribute(off) !== 'off';
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
	// The frame's key in the fragment: its data-timeline-key, else timeline, timeline-2, … by order.
	function keyOf(frame) {
		var key = frame.getAttribute('data-timeline-key');
		if (key) return key;
		var frames = document.getElementsByTagName('iframe');
		for (var i = 0, n = 0; i < frames.length; i++) {
			if (ours(frames[i]) && ++n && frames[i] === frame) return n > 1 ? 'timeline-' + n : 'timeline';
		}
	}
	function parts() {
		return location.hash.slice(1).split('&').filter(Boolean);
	}
	function read(key) {
		var p = parts();
		for (var i = 0; i < p.length; i++) {
			var pair = p[i].split('=');
			if (pair[0] === key && pair[1]) {
				try {
					return decodeURIComponent(pair[1]);
				} catch (e) {
					return null;
				}
			}
		}
		return null;
	}
	function write(key, value) {
		var p = parts().filter(function (part) {
			return part.split('=')[0] !== key;
		});
		if (value) p.push(key + '=' + encodeURIComponent(value));
		var hash = p.join('&');
		history.replaceState(history.state, '', location.pathname + location.search + (hash ? '#' + hash : ''));
	}
	function linked(frame) {
		return links && frame.getAttribute(off) !== 'off';
	}
	addEventListener('message', function (event) {
		var d = event.data;
		if (!d || typeof d !== 'object') return;
		var size = d.sentinel === 'amp' && d.type === 'embed-size';
		var open = d.sentinel === 'timeline' && d.type === 'event';
		var ready = d.sentinel === 'timeline' && d.type === 'ready';
		if (!size && !open && !ready) return;
		var h = d.height;
		if (size && (typeof h !== 'number' || !isFinite(h) || h <= 0 || h > 100000)) return;
		if (open && d.event !== null && (typeof d.event !== 'string' || d.event.length > 200)) return;
		var frames = document.getElementsByTagName('iframe');
		for (var i = 0; i < frames.length; i++) {
			var frame = frames[i];
			if (frame.contentWindow !== event.source) continue;
			if (!ours(frame)) return;
			if (event.origin !== site && !(sandboxed(frame) && event.origin === 'null')) return;
			if (open) {
				if (linked(frame)) write(keyOf(frame), d.event);
				return;
			}
			if (size) frame.style.height = Math.ceil(h) + 'px';
			// The frame is up (it says so, or has measured itself; a frame off screen may not measure
			// until scrolled to): the first time, open the event this URL names.
			var id = linked(frame) && !frame.__timelineOpened && read(keyOf(frame));
			frame.__timelineOpened = 1;
			if (id) frame.contentWindow.postMessage({ sentinel: 'timeline', type: 'open', event: id }, '*');
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
