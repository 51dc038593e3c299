"""Clinical documents: the visit report and client handout (print and PDF), the body-chart
picture, and the File-menu actions for them and for chart export and import."""
