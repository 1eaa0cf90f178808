/* 意见页：POST /public/api/decisions/{文号}/opinions，{category, text, contact?}；文号含〔〕，按 URL 编码。 */
(function () {
  'use strict';
  var P = window.DrPublic;
  var MAX = 2000;
  var number = P.segment('/public/decisions/');

  function $(id) {
    return document.getElementById(id);
  }

  function setError(field, text) {
    $(field + '-error').textContent = text || '';
    if (text) {
      $(field).setAttribute('aria-invalid', 'true');
    } else {
      $(field).removeAttribute('aria-invalid');
    }
  }

  function formError(text) {
    var box = $('form-error');
    box.textContent = text;
    P.show(box, !!text);
  }

  function check() {
    var ok = true;
    if (!$('category').value) {
      setError('category', '请选择意见类别。');
      ok = false;
    }
    var text = $('text').value;
    if (!text.trim()) {
      setError('text', '请填写意见内容。');
      ok = false;
    } else if (P.length(text) > MAX) {
      setError('text', '意见内容不能超过 ' + MAX + ' 字。');
      ok = false;
    }
    return ok;
  }

  /** A server message goes beside the field it names, else above the button. */
  function place(text) {
    if (/类别|category/.test(text)) {
      setError('category', text);
    } else if (/联系方式|contact/.test(text)) {
      setError('contact', text);
    } else if (/内容|text/.test(text)) {
      setError('text', text);
    }
    formError(text);
  }

  function submit(event) {
    event.preventDefault();
    ['category', 'text', 'contact'].forEach(function (f) {
      setError(f, '');
    });
    formError('');
    if (!check()) {
      formError('请先补充或修改标红的内容。');
      return;
    }
    var body = { category: $('category').value, text: $('text').value };
    var contact = $('contact').value.trim();
    if (contact) {
      body.contact = contact;
    }
    if ($('website').value) {
      body.website = $('website').value;
    }
    var button = $('submit');
    button.disabled = true;
    button.textContent = '正在提交……';
    P.request('POST', '/public/api/decisions/' + encodeURIComponent(number) + '/opinions', body,
      function (status, answer) {
        button.disabled = false;
        button.textContent = '提交意见';
        if (status === 201 && answer && answer.receipt) {
          $('receipt').textContent = answer.receipt;
          P.show($('opinion-form'), false);
          P.show($('done'), true);
          $('done').focus();
          window.scrollTo(0, 0);
        } else if (status === 404) {
          formError(P.message(status, answer && answer.message ? answer : { message: '该决策不在跟踪范围内，暂不能对其提出意见。' }));
        } else {
          place(P.message(status, answer));
        }
      });
  }

  function start() {
    if (!number) {
      P.show($('opinion-form'), false);
      var box = $('failure');
      box.textContent = '网址中缺少决策文号，请核对链接是否完整。';
      P.show(box, true);
      return;
    }
    $('decision-number').textContent = number;
    P.counter($('text'), $('text-counter'), MAX);
    $('opinion-form').addEventListener('submit', submit);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
