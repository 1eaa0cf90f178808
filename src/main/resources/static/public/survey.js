/* 网上问卷页：读取 /public/api/surveys/{id}，逐题显示，本地先检查，再提交；服务器的检查为准。 */
(function () {
  'use strict';
  var P = window.DrPublic;
  var el = P.el;
  var surveyId = P.segment('/public/surveys/');
  var survey = null;

  function $(id) {
    return document.getElementById(id);
  }

  function fail(text) {
    P.show($('loading'), false);
    var box = $('failure');
    box.textContent = text;
    P.show(box, true);
  }

  function fillIntro(s) {
    $('title').textContent = s.title || '网上问卷';
    document.title = (s.title || '网上问卷') + ' · 公众参与';
    $('decision-title').textContent = s.decisionTitle || '';
    $('decision-number').textContent = s.decisionNumber ? '（' + s.decisionNumber + '）' : '';
    if (s.evaluationTypeName) {
      $('evaluation-type').textContent = s.evaluationTypeName + '：';
      $('evaluation-basis').textContent = (s.evaluationReason || '') + '（《济源市重大行政决策跟踪反馈与后评估办法》'
        + (s.legalBasis || '') + '）';
    } else {
      $('evaluation-type').textContent = '跟踪反馈与后评估：了解决策的实施情况和效果，听取公众意见（《办法》第六条）。';
    }
    $('window').textContent = P.dateTime(s.opensAt) + ' 至 ' + P.dateTime(s.closesAt);
    $('opinion-link').href = '/public/decisions/' + encodeURIComponent(s.decisionNumber || '') + '/opinions';
    P.show($('intro'), true);
  }

  function statusNote(s) {
    var note = $('status-note');
    if (s.status === 'OPEN') {
      note.className = 'notice';
      note.textContent = '问卷正在征集中，截止时间：' + P.dateTime(s.closesAt) + '。约需 3～5 分钟。';
    } else if (s.status === 'NOT_OPEN') {
      note.className = 'notice closed';
      note.textContent = '问卷尚未开始征集：将于 ' + P.dateTime(s.opensAt) + ' 开始，' + P.dateTime(s.closesAt)
        + ' 结束。请届时再来。';
    } else {
      note.className = 'notice closed';
      note.textContent = '问卷已于 ' + P.dateTime(s.closedAt && s.closedAt < s.closesAt ? s.closedAt : s.closesAt)
        + ' 结束征集，不再接受答卷。感谢您的关注。';
    }
    P.show(note, true);
  }

  function legend(q, index) {
    var node = el('legend', { id: q.id + '-legend' });
    node.appendChild(document.createTextNode((index + 1) + '. ' + q.text));
    if (q.required) {
      node.appendChild(el('span', { className: 'req' }, '*必答'));
    }
    if (q.dimension && survey.dimensions && survey.dimensions[q.dimension]) {
      node.appendChild(el('span', { className: 'dimension' }, '评估内容：' + survey.dimensions[q.dimension]));
    }
    return node;
  }

  function choice(type, name, value, label) {
    var wrapper = el('label', { className: 'choice' });
    var input = el('input', { type: type, name: name, value: value });
    wrapper.appendChild(input);
    wrapper.appendChild(el('span', null, label));
    return wrapper;
  }

  function questionNode(q, index) {
    var set = el('fieldset', { className: 'question', id: q.id + '-field', 'aria-describedby': q.id + '-error' });
    set.appendChild(legend(q, index));
    var name = 'answer-' + q.id;
    if (q.type === 'TEXT') {
      var area = el('textarea', { id: q.id + '-text', name: name, rows: 5, 'aria-labelledby': q.id + '-legend',
        'aria-describedby': q.id + '-counter ' + q.id + '-error' });
      var count = el('p', { className: 'counter', id: q.id + '-counter', 'aria-live': 'polite' });
      set.appendChild(area);
      set.appendChild(count);
      P.counter(area, count, survey.maxTextLength || 2000);
    } else {
      var list = el('div', { className: q.type === 'SCALE' ? 'choices scale' : 'choices' });
      if (q.type === 'SCALE') {
        (survey.scale || []).forEach(function (point) {
          list.appendChild(choice('radio', name, String(point.value), point.label));
        });
      } else {
        (q.options || []).forEach(function (option) {
          list.appendChild(choice(q.type === 'MULTIPLE' ? 'checkbox' : 'radio', name, option, option));
        });
      }
      if (q.type === 'MULTIPLE') {
        set.appendChild(el('p', { className: 'hint' }, '可多选'));
      }
      set.appendChild(list);
    }
    set.appendChild(el('p', { className: 'field-error', id: q.id + '-error', 'aria-live': 'polite' }));
    // an answered question loses its red mark at once, not only at the next submit
    set.addEventListener('change', function () {
      setError(q.id, '');
    });
    return set;
  }

  /** The answer of one question as the API takes it, or undefined when not given. */
  function answerOf(q) {
    var form = $('survey-form');
    var inputs = form.querySelectorAll('[name="answer-' + q.id + '"]');
    if (q.type === 'TEXT') {
      var text = inputs[0].value;
      return text.trim() ? text : undefined;
    }
    var chosen = [];
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].checked) {
        chosen.push(inputs[i].value);
      }
    }
    if (!chosen.length) {
      return undefined;
    }
    if (q.type === 'SCALE') {
      return Number(chosen[0]);
    }
    return q.type === 'MULTIPLE' ? chosen : chosen[0];
  }

  function setError(questionId, text) {
    var field = $(questionId + '-field');
    var box = $(questionId + '-error');
    if (!field || !box) {
      return false;
    }
    box.textContent = text || '';
    field.className = text ? 'question invalid' : 'question';
    return true;
  }

  function clearErrors() {
    survey.questions.forEach(function (q) {
      setError(q.id, '');
    });
    P.show($('form-error'), false);
  }

  function formError(text) {
    var box = $('form-error');
    box.textContent = text;
    P.show(box, true);
  }

  function focusQuestion(id) {
    var field = $(id + '-field');
    if (field) {
      field.scrollIntoView({ block: 'center' });
      var input = field.querySelector('input, textarea');
      if (input) {
        input.focus();
      }
    }
  }

  function collect() {
    var answers = {};
    var problems = [];
    var max = survey.maxTextLength || 2000;
    survey.questions.forEach(function (q, index) {
      var value = answerOf(q);
      if (value === undefined) {
        if (q.required) {
          problems.push({ id: q.id, text: '第' + (index + 1) + '题为必答题，请作答。' });
        }
        return;
      }
      if (q.type === 'TEXT' && P.length(value) > max) {
        problems.push({ id: q.id, text: '回答不能超过 ' + max + ' 字。' });
        return;
      }
      answers[q.id] = value;
    });
    if (!problems.length && !Object.keys(answers).length) {
      problems.push({ id: null, text: '请至少回答一道题后再提交。' });
    }
    return { answers: answers, problems: problems };
  }

  function submit(event) {
    event.preventDefault();
    clearErrors();
    var sheet = collect();
    if (sheet.problems.length) {
      sheet.problems.forEach(function (p) {
        if (!p.id || !setError(p.id, p.text)) {
          formError(p.text);
        }
      });
      formError('还有 ' + sheet.problems.length + ' 处需要补充或修改，请查看标红的题目。');
      if (sheet.problems[0].id) {
        focusQuestion(sheet.problems[0].id);
      }
      return;
    }
    var button = $('submit');
    button.disabled = true;
    button.textContent = '正在提交……';
    P.request('POST', '/public/api/surveys/' + encodeURIComponent(surveyId) + '/responses',
      { answers: sheet.answers, website: $('website').value }, function (status, body) {
        button.disabled = false;
        button.textContent = '提交问卷';
        if (status === 201 && body && body.receipt) {
          $('receipt').textContent = body.receipt;
          P.show($('survey-form'), false);
          P.show($('status-note'), false);
          P.show($('done'), true);
          $('done').focus();
          window.scrollTo(0, 0);
          return;
        }
        var first = null;
        if (body && body.errors) {
          body.errors.forEach(function (problem) {
            if (problem.questionId && setError(problem.questionId, problem.message)) {
              first = first || problem.questionId;
            }
          });
        }
        formError(P.message(status, body));
        if (first) {
          focusQuestion(first);
        } else {
          $('form-error').scrollIntoView({ block: 'center' });
        }
      });
  }

  function render(s) {
    survey = s;
    P.show($('loading'), false);
    fillIntro(s);
    statusNote(s);
    if (s.status !== 'OPEN') {
      return;
    }
    var container = $('questions');
    s.questions.forEach(function (q, index) {
      container.appendChild(questionNode(q, index));
    });
    $('survey-form').addEventListener('submit', submit);
    P.show($('survey-form'), true);
  }

  function start() {
    if (!surveyId) {
      fail('网址中缺少问卷编号，请核对链接是否完整。');
      return;
    }
    P.request('GET', '/public/api/surveys/' + encodeURIComponent(surveyId), undefined, function (status, body) {
      if (status === 200 && body && body.questions) {
        render(body);
      } else if (status === 404) {
        fail('没有找到这份问卷：请核对网址是否完整，或向发布问卷的单位咨询。');
      } else {
        fail(P.message(status, body));
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
