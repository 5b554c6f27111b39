// Shows the "print this page" buttons and opens the print dialog on a click, never by itself.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () {
    print();
  });
});
