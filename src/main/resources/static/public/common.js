/* 公众页面的共用部分：只用 textContent 显示数据（不用 innerHTML），只访问本站接口。 */
(function () {
  'use strict';

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        var value = attributes[name];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (name === 'className') {
          node.className = value;
        } else {
          node.setAttribute(name, value === true ? '' : String(value));
        }
      });
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  /** JSON request to this site; calls back with (status, body or null). Network failure: status 0. */
  function request(method, url, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    xhr.setRequestHeader('Accept', 'application/json');
    if (body !== undefined) {
      xhr.setRequestHeader('Content-Type', 'application/json; charset=utf-8');
    }
    xhr.timeout = 20000;
    xhr.onload = function () {
      var parsed = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        parsed = null;
      }
      done(xhr.status, parsed);
    };
    xhr.onerror = xhr.ontimeout = function () {
      done(0, null);
    };
    xhr.send(body === undefined ? null : JSON.stringify(body));
  }

  /** The Chinese message of an error answer, or a fallback by status. */
  function message(status, body) {
    if (body && typeof body.message === 'string' && body.message) {
      return body.message;
    }
    if (status === 0) {
      return '网络连接失败，请检查网络后重试。';
    }
    if (status === 429) {
      return '提交过于频繁，请稍后再试。';
    }
    return '提交未成功（' + status + '），请稍后重试。';
  }

  /** "2026-12-01T09:30:00+08:00" → "2026年12月1日 09:30": the server gives Beijing time, shown as it is. */
  function dateTime(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso || '');
    if (!m) {
      return iso || '';
    }
    return m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日 ' + m[4] + ':' + m[5];
  }

  function date(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    return m ? m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日' : (iso || '');
  }

  /** Characters as people count them: an emoji is one, as on the server. */
  function length(text) {
    var count = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++;
        }
      }
      count++;
    }
    return count;
  }

  /** The path segment after {@code prefix}, decoded; null when absent or not decodable. */
  function segment(prefix) {
    var path = window.location.pathname;
    if (path.indexOf(prefix) !== 0) {
      return null;
    }
    var raw = path.substring(prefix.length).split('/')[0];
    try {
      return raw ? decodeURIComponent(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  function counter(textarea, output, max) {
    function update() {
      var n = length(textarea.value);
      output.textContent = n + ' / ' + max + ' 字';
      output.className = n > max ? 'counter over' : 'counter';
    }
    textarea.addEventListener('input', update);
    update();
  }

  window.DrPublic = { el: el, request: request, message: message, dateTime: dateTime, date: date, length: length,
    segment: segment, show: show, counter: counter };
})();
