/*
 * The ballot page's live totals and the receipt's copy button. Only a convenience: the server checks every ballot
 * against the round's rule again, and the page works without this script.
 */
(function () {
    'use strict';

    var lang = document.documentElement.lang || 'kk';
    var numbers = new Intl.NumberFormat(lang, {maximumFractionDigits: 0});

    function tenge(amount) {
        return numbers.format(amount) + '\u00a0\u20b8';
    }

    function fill(template, first, second) {
        return template.replace('{0}', first).replace('{1}', second);
    }

    function sum(nodes, value) {
        var total = 0;
        Array.prototype.forEach.call(nodes, function (node) {
            total += value(node);
        });
        return total;
    }

    function show(element, over, text) {
        element.textContent = text;
        element.classList.toggle('over', over);
    }

    function updateTotals(form) {
        var budgetText = document.getElementById('budgetText');
        if (budgetText) {
            var budget = Number(budgetText.getAttribute('data-budget'));
            var spent = sum(form.querySelectorAll('input.ballot-pick:checked'), function (box) {
                return Number(box.getAttribute('data-cost'));
            });
            var bar = document.getElementById('budgetBar');
            bar.value = Math.min(spent, budget);
            bar.classList.toggle('over', spent > budget);
            show(budgetText, spent > budget, spent > budget
                ? fill(budgetText.getAttribute('data-over'), tenge(spent), tenge(budget))
                : fill(budgetText.getAttribute('data-template'), tenge(spent), tenge(budget)));
        }
        var pointsLeft = document.getElementById('pointsLeft');
        if (pointsLeft) {
            var points = Number(pointsLeft.getAttribute('data-points'));
            var given = sum(form.querySelectorAll('input.ballot-points'), function (input) {
                var n = parseInt(input.value, 10);
                return isNaN(n) || n < 0 ? 0 : n;
            });
            show(pointsLeft, given > points, given > points
                ? fill(pointsLeft.getAttribute('data-over'), String(given), String(points))
                : fill(pointsLeft.getAttribute('data-template'), String(points - given), String(points)));
        }
        var picks = document.getElementById('picksCount');
        if (picks) {
            var max = Number(picks.getAttribute('data-max'));
            var chosen = form.querySelectorAll('input.ballot-pick:checked').length;
            show(picks, chosen > max, fill(picks.getAttribute(chosen > max ? 'data-over' : 'data-template'),
                String(chosen), String(max)));
        }
    }

    function copyReceipt(button) {
        var status = document.getElementById('copyStatus');
        var code = button.getAttribute('data-copy');
        var done = function () {
            if (status) {
                status.textContent = button.getAttribute('data-copied');
            }
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(code).then(done, function () {
                selectCode();
            });
        } else {
            selectCode();
        }
    }

    function selectCode() {
        var code = document.getElementById('receiptCode');
        if (code && window.getSelection) {
            var range = document.createRange();
            range.selectNodeContents(code);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
        }
    }

    function init() {
        var form = document.querySelector('form[data-ballot]');
        if (form) {
            form.addEventListener('change', function () { updateTotals(form); });
            form.addEventListener('input', function () { updateTotals(form); });
            updateTotals(form);
        }
        var copy = document.getElementById('copyReceipt');
        if (copy) {
            copy.addEventListener('click', function () { copyReceipt(copy); });
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}());
